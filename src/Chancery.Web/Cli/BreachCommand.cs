using System.Globalization;
using Chancery.Core.Breach;

namespace Chancery.Web.Cli;

/// <summary>
/// <c>chancery breach report (--account NAME | --apikey NAME | --component NAME) --from ISO --to ISO --out DIR [--detected ISO]</c>:
/// every person whose data the compromised source touched in the window, from the audit log; a draft notice per
/// person in French and English and a draft report for the data protection authority, written into DIR (new or empty).
/// Prints counts only: names and addresses stay in DIR.
/// </summary>
internal static class BreachCommand
{
    public const string Usage = "usage: chancery breach report (--account NAME | --apikey NAME | --component NAME[*]) --from ISO --to ISO --out DIR [--detected ISO]";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The parsed arguments; the detection time is null when not given (now).</summary>
    public sealed record Arguments(BreachSourceKind Kind, string Name, DateTime From, DateTime To, DateTime? DetectedAt, string Out);

    /// <summary>Reads the arguments after <c>breach</c>; null with a one-line message when they are not usable.</summary>
    public static (Arguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != "report")
            return (null, "the only subcommand is 'report'.");
        var sources = new List<(BreachSourceKind Kind, string Name)>();
        string? from = null, to = null, output = null, detected = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
                return (null, $"'{args[i]}' needs a value.");
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--account": sources.Add((BreachSourceKind.Account, value)); break;
                case "--apikey": sources.Add((BreachSourceKind.ApiKey, value)); break;
                case "--component": sources.Add((BreachSourceKind.Component, value)); break;
                case "--from": from = value; break;
                case "--to": to = value; break;
                case "--out": output = value; break;
                case "--detected": detected = value; break;
                default: return (null, $"unknown option '{args[i - 1]}'.");
            }
        }

        if (sources.Count != 1)
            return (null, "give exactly one of --account, --apikey and --component.");
        if (string.IsNullOrWhiteSpace(sources[0].Name))
            return (null, "the account, key or component name is empty.");
        if (from is null || to is null)
            return (null, "--from and --to are required.");
        if (string.IsNullOrWhiteSpace(output))
            return (null, "--out DIR is required.");
        if (!TryParseInstant(from, out var start))
            return (null, $"--from '{from}' is not an ISO 8601 date or time (e.g. 2026-11-20 or 2026-11-20T08:00Z).");
        if (!TryParseInstant(to, out var end))
            return (null, $"--to '{to}' is not an ISO 8601 date or time (e.g. 2026-11-23T18:00Z).");
        if (start > end)
            return (null, "--from is after --to.");
        DateTime? detectedAt = null;
        if (detected is not null)
        {
            if (!TryParseInstant(detected, out var at))
                return (null, $"--detected '{detected}' is not an ISO 8601 date or time.");
            detectedAt = at;
        }

        return (new Arguments(sources[0].Kind, sources[0].Name.Trim(), start, end, detectedAt, output), null);
    }

    /// <summary>An ISO 8601 date or date and time, UTC unless it carries an offset.</summary>
    public static bool TryParseInstant(string value, out DateTime utc)
    {
        var ok = DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed);
        utc = ok ? parsed.UtcDateTime : default;
        return ok;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, MakeBreachReport make, TimeProvider clock, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(make);
        ArgumentNullException.ThrowIfNull(clock);
        var (parsed, problem) = Parse(args);
        if (parsed is null)
        {
            await stderr.WriteLineAsync("chancery breach: " + problem + " " + Usage);
            return 2;
        }

        var folder = Path.GetFullPath(parsed.Out);
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            // Notices left from an earlier run could be sent to the wrong people.
            await stderr.WriteLineAsync($"chancery breach: '{parsed.Out}' exists and is not an empty folder: give a new or empty one.");
            return 2;
        }

        var request = new BreachRequest(parsed.Kind, parsed.Name, parsed.From, parsed.To, parsed.DetectedAt ?? clock.GetUtcNow().UtcDateTime);
        var made = await make.RunAsync(request, ct);
        if (!made.IsSuccess)
        {
            await stderr.WriteLineAsync("chancery breach: " + made.Error.Message);
            return 2;
        }

        var report = made.Value;
        await BreachReportWriter.WriteAsync(report, folder, ct);
        var byType = string.Join(", ", report.People.GroupBy(p => p.SubjectType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => F($"{g.Key} {g.Count()}")));
        await stdout.WriteLineAsync(F($"Breach report for the {report.SourceLabel}, {Iso(request.From)} to {Iso(request.To)}:"));
        await stdout.WriteLineAsync(F($"  people     {report.People.Count}{(byType.Length > 0 ? $" ({byType})" : "")}, {report.People.Count(p => p.Contact is null)} without an e-mail or address"));
        await stdout.WriteLineAsync(F($"  records    {report.Records} read or written; {report.Entries} accesses in the audit log, {report.Writes} of them changes"));
        await stdout.WriteLineAsync(F($"  detected   {Iso(request.DetectedAt)}; notify the authority by {Iso(report.AuthorityDeadline)} (72 hours)"));
        await stdout.WriteLineAsync(F($"  written    {folder}: people.csv, {report.People.Count * 2} notices (fr, en), authority-report.fr.md, authority-report.en.md"));
        await stdout.WriteLineAsync("  Drafts: complete every [[…]] placeholder before anything is sent.");
        return 0;
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
