using System.Globalization;
using System.Text;
using System.Text.Json;
using Chancery.Core.Options;
using Chancery.Core.Screening.Import;
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
        var csv = new CsvRecordReader(reader, Path.GetFileName(path));
        var output = new StringBuilder();
        try
        {
            var columns = csv.ReadRecord() ?? [];
            var first = columns.IndexOf("name1");
            var second = columns.IndexOf("name2");
            if (first < 0 || second < 0)
            {
                await stderr.WriteLineAsync("chancery screen: the CSV header must have name1 and name2 columns.");
                return 2;
            }

            AppendRecord(output, [.. columns, "score", "match"]);
            while (csv.ReadRecord() is { } cells)
            {
                if (cells is [""])
                    continue;
                if (cells.Count <= Math.Max(first, second))
                {
                    await stderr.WriteLineAsync($"chancery screen: line {csv.RecordLine} has fewer columns than the header.");
                    return 2;
                }

                var score = NameMatcher.Compare(cells[first], cells[second]).Score;
                AppendRecord(output, [.. cells, Math.Round(score, 4).ToString("0.0###", CultureInfo.InvariantCulture), score >= threshold ? "true" : "false"]);
            }
        }
        catch (WatchlistFormatException e)
        {
            await stderr.WriteLineAsync("chancery screen: " + e.Message);
            return 2;
        }

        await stdout.WriteAsync(output.ToString());
        return 0;
    }

    /// <summary>Writes one RFC 4180 record, quoting only the cells that need it.</summary>
    private static void AppendRecord(StringBuilder output, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                output.Append(',');
            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                output.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else
                output.Append(cell);
        }

        output.Append('\n');
    }
}
