using System.Globalization;
using System.Text;
using System.Text.Json;
using Chancery.Core.Options;
using Chancery.Core.Screening.Matching;

namespace Chancery.Web.Cli;

/// <summary>
/// <c>chancery screen compare "NAME ONE" "NAME TWO"</c> and <c>chancery screen compare --file PAIRS.csv</c>:
/// the name-match score of two person names alone, and whether it reaches <c>Chancery:Screening:MatchThreshold</c>.
/// </summary>
internal static class ScreenCommand
{
    public const string Usage = "usage: chancery screen compare \"NAME ONE\" \"NAME TWO\" | chancery screen compare --file PAIRS.csv";

    // A terminal, not a web page: names in any script are written as they are.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ScreeningOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (args.Count < 2 || args[0] != "compare")
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (args[1] == "--file")
        {
            if (args.Count != 3)
            {
                await stderr.WriteLineAsync(Usage);
                return 2;
            }

            return await CompareFileAsync(args[2], options.MatchThreshold, stdout, stderr);
        }

        if (args.Count != 3 || string.IsNullOrWhiteSpace(args[1]) || string.IsNullOrWhiteSpace(args[2]))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var comparison = NameMatcher.Compare(args[1], args[2]);
        var score = Math.Round(comparison.Score, 4);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(new { score, match = comparison.Score >= options.MatchThreshold, reasons = comparison.Reasons }, Json));
        return 0;
    }

    private static async Task<int> CompareFileAsync(string path, double threshold, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"chancery screen: no file '{path}'.");
            return 2;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = await reader.ReadLineAsync();
        var columns = (header is null ? null : SplitCsv(header)) ?? [];
        var first = columns.IndexOf("name1");
        var second = columns.IndexOf("name2");
        if (first < 0 || second < 0)
        {
            await stderr.WriteLineAsync("chancery screen: the CSV header must have name1 and name2 columns.");
            return 2;
        }

        var output = new StringBuilder();
        output.Append(header).Append(",score,match\n");
        var lineNumber = 1;
        while (await reader.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var cells = SplitCsv(line);
            if (cells is null || cells.Count <= Math.Max(first, second))
            {
                await stderr.WriteLineAsync($"chancery screen: line {lineNumber} has fewer columns than the header or an unterminated quote.");
                return 2;
            }

            var score = NameMatcher.Compare(cells[first], cells[second]).Score;
            output.Append(line).Append(',')
                .Append(Math.Round(score, 4).ToString("0.0###", CultureInfo.InvariantCulture)).Append(',')
                .Append(score >= threshold ? "true" : "false").Append('\n');
        }

        await stdout.WriteAsync(output.ToString());
        return 0;
    }

    /// <summary>One CSV record on one line (RFC 4180 quoting); null for an unterminated quote.</summary>
    private static List<string>? SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
            return null;
        cells.Add(cell.ToString());
        return cells;
    }
}
