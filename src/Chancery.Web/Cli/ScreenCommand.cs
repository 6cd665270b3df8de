using System.Globalization;
using System.Text;
using System.Text.Json;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents.Mrz;
using Chancery.Core.Options;
using Chancery.Core.Screening;
using Chancery.Core.Screening.Index;
using Microsoft.Extensions.Options;
using Chancery.Core.Screening.Import;
using Chancery.Core.Screening.Matching;

namespace Chancery.Web.Cli;

/// <summary>
/// <c>chancery screen --name "FULL NAME" [--birth-date YYYY[-MM[-DD]]] [--nationality XXX]</c>: the listed
/// persons of every loaded watchlist that match, best first, with why;
/// <c>chancery screen compare "NAME ONE" "NAME TWO"</c> and <c>chancery screen compare --file PAIRS.csv</c>:
/// the name-match score of two person names alone, and whether it reaches <c>Chancery:Screening:MatchThreshold</c>.
/// </summary>
internal static class ScreenCommand
{
    public const string Usage = "usage: chancery screen --name \"FULL NAME\" [--birth-date YYYY[-MM[-DD]]] [--nationality XXX] | chancery screen compare \"NAME ONE\" \"NAME TWO\" | chancery screen compare --file PAIRS.csv";

    /// <summary>One listed person found, as the command prints it.</summary>
    public sealed record Hit(long EntryId, string List, string SourceId, string PrimaryName, string MatchedName, string MatchedKind, double Score, IReadOnlyList<string> Reasons);

    /// <summary>Reads the search arguments; null with a one-line message when they are not usable.</summary>
    public static (ScreeningQuery? Query, string? Problem) ParseSearch(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? name = null, born = null, nationality = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
                return (null, $"'{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--name": name = args[++i]; break;
                case "--birth-date": born = args[++i]; break;
                case "--nationality": nationality = args[++i]; break;
                default: return (null, $"unknown option '{args[i]}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
            return (null, "--name is required.");
        if (name.Length > 300)
            return (null, "the name is longer than 300 characters.");
        BirthDate? birthDate = null;
        if (born is not null)
        {
            if (!PartialDate.TryParse(born, out var date))
                return (null, $"'{born}' is not a birth date: write YYYY, YYYY-MM or YYYY-MM-DD.");
            birthDate = new BirthDate(date.Year, date.Month, date.Day);
        }

        if (nationality is not null && !MrzCountryCodes.IsKnown(nationality.ToUpperInvariant()))
            return (null, $"'{nationality}' is not a known three-letter nationality code.");
        return (new ScreeningQuery(name.Trim(), birthDate, nationality?.ToUpperInvariant()), null);
    }

    public static async Task<int> SearchAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (query, problem) = ParseSearch(args);
        if (query is null)
        {
            await stderr.WriteLineAsync("chancery screen: " + problem + " " + Usage);
            return 2;
        }

        var db = services.GetRequiredService<ChanceryDb>();
        var threshold = services.GetRequiredService<IOptions<ChanceryOptions>>().Value.Screening.MatchThreshold;
        var index = ScreeningIndex.Build(await ScreeningIndexHolder.LoadEntriesAsync(db, ct));
        var hits = index.Search(query, threshold).Select(ToHit).ToList();
        await stdout.WriteLineAsync(JsonSerializer.Serialize(new { hits, threshold, listedPersons = index.Entries }, Json));
        return 0;
    }

    public static Hit ToHit(WatchlistHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new Hit(hit.EntryId, hit.ListName, hit.SourceId, hit.PrimaryName, hit.MatchedName, hit.MatchedKind, Math.Round(hit.Score, 4), hit.Reasons);
    }

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
