using Chancery.Core.Screening;
using Chancery.Core.Screening.Import;

namespace Chancery.Web.Cli;

/// <summary>
/// <c>chancery watchlist import --format ofac-sdn|un-xml|csv [--name NAME] FILE</c>: replaces the list
/// with the file's entries, showing progress on standard error and a summary on standard output.
/// </summary>
internal static class WatchlistCommand
{
    public const string Usage = "usage: chancery watchlist import --format ofac-sdn|un-xml|csv [--name NAME] FILE";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ImportWatchlist import, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Count == 0 || args[0] != "import")
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        string? format = null, name = null, file = null;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Count: format = args[++i]; break;
                case "--name" when i + 1 < args.Count: name = args[++i]; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    await stderr.WriteLineAsync($"chancery watchlist: unknown option or missing value '{a}'. {Usage}");
                    return 2;
                default: file = args[i]; break;
            }
        }

        WatchlistFormat? parsed = format switch
        {
            "ofac-sdn" => WatchlistFormat.OfacSdn,
            "un-xml" => WatchlistFormat.UnXml,
            "csv" => WatchlistFormat.ChanceryCsv,
            _ => null,
        };
        if (parsed is null || file is null)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"chancery watchlist: no file '{file}'.");
            return 2;
        }

        await using var stream = File.OpenRead(file);
        var bar = new ProgressBar(stderr);
        var result = await import.ExecuteAsync(parsed.Value, stream, name, Path.GetFileName(file), "cli:" + Environment.UserName, bar, ct);
        bar.Finish();
        if (!result.IsSuccess)
        {
            await stderr.WriteLineAsync($"chancery watchlist: {result.Error.Message} The previous version of the list is unchanged.");
            return 1;
        }

        var o = result.Value;
        await stdout.WriteLineAsync($"Imported '{o.ListName}' version {o.Version}: {o.Individuals} individuals, {o.Aliases} aliases, {o.Skipped.Count} records skipped.");
        foreach (var skipped in o.Skipped.Take(20))
            await stdout.WriteLineAsync($"  skipped: {skipped}");
        if (o.Skipped.Count > 20)
            await stdout.WriteLineAsync($"  … and {o.Skipped.Count - 20} more.");
        return 0;
    }

    /// <summary>A one-line progress bar on standard error, redrawn in place.</summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<ImportProgress>
    {
        private string last = "";

        public void Report(ImportProgress value)
        {
            var fraction = value.Total > 0 ? Math.Clamp((double)value.Done / value.Total, 0, 1) : 0;
            var filled = (int)(fraction * 30);
            var percent = ((int)(fraction * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3);
            var line = $"\r{value.Phase,-5} [{new string('#', filled)}{new string('.', 30 - filled)}] {percent}%";
            if (line == last)
                return;
            last = line;
            output.Write(line);
        }

        public void Finish()
        {
            if (last.Length > 0)
                output.WriteLine();
        }
    }
}
