using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Chancery.Core.Breach;
using Chancery.TestCommon;
using Npgsql;

namespace Chancery.Bench.Breach;

/// <summary>
/// <c>scripts/bench.sh breach</c>: on a throwaway PostgreSQL cluster, a migrated database with 100,000 people
/// and 1,000,000 audit entries (<see cref="BreachSeed"/>); then the breach report for the compromised account
/// over a 14-day window, as <c>chancery breach report</c> makes it (<see cref="MakeBreachReport"/> and
/// <see cref="BreachReportWriter"/>), timed from the first query to the last notice written.
/// </summary>
internal static class BreachBenchmark
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static int Run(IReadOnlyList<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BreachBenchOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine($"bench breach: {error}. {BreachBenchOptions.Usage}");
            return 2;
        }

        var repository = Repository();
        if (repository is null)
        {
            Console.Error.WriteLine("bench breach: run it inside the repository (no Chancery.slnx above the current directory).");
            return 2;
        }

        Log("starting a throwaway PostgreSQL cluster and a migrated database");
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var seeding = Stopwatch.StartNew();
        var seed = await BreachSeed.CreateAsync(database.NewContext, database.ConnectionString, options, now, Log);
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        Log(F($"seeded in {seedSeconds:0.0} s; the account has {seed.ExpectedEntries:N0} entries about {seed.ExpectedPeople:N0} people in the window"));

        var folder = Path.Combine(Path.GetTempPath(), "chancery-breach-bench-" + Guid.NewGuid().ToString("N"));
        var peakScope = ResetPeakWorkingSet() ? "the report alone (VmHWM reset before it)" : "the whole process, seeding included";
        var request = new BreachRequest(BreachSourceKind.Account, seed.AccountName, seed.From, seed.To, now);
        Log($"breach report for '{seed.AccountName}' from {Iso(seed.From)} to {Iso(seed.To)}");
        var timer = Stopwatch.StartNew();
        BreachReport report;
        await using (var db = database.NewContext())
        {
            var made = await new MakeBreachReport(db, TimeProvider.System).RunAsync(request, CancellationToken.None);
            report = made.IsSuccess ? made.Value : throw new InvalidOperationException(made.Error.Message);
        }

        var querySeconds = timer.Elapsed.TotalSeconds;
        await BreachReportWriter.WriteAsync(report, folder, CancellationToken.None);
        var seconds = timer.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;
        var notices = Directory.GetFiles(Path.Combine(folder, "notices")).Length;
        Directory.Delete(folder, recursive: true);

        var result = new BreachBenchReport(
            "breach",
            "scripts/bench.sh breach" + string.Concat(args.Select(a => " " + a)),
            TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("CHANCERY_BENCH_COMMIT"),
            Environment.GetEnvironmentVariable("CHANCERY_BENCH_UNCOMMITTED"),
            new BreachMachine(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, await ServerVersionAsync(database.ConnectionString)),
            "real: AuditLog.ToEntry (RFC 6962 leaf hash of each entry's canonical bytes)",
            options.Entries,
            options.Subjects,
            seed.CompromisedEntries,
            $"{Iso(seed.From)} to {Iso(seed.To)} (14 of the log's 30 days)",
            (int)report.Entries,
            seed.ExpectedEntries,
            report.People.Count,
            seed.ExpectedPeople,
            report.Records,
            notices,
            Math.Round(seedSeconds, 1),
            Math.Round(querySeconds, 3),
            Math.Round(seconds - querySeconds, 3),
            Math.Round(seconds, 3),
            Math.Round(peakMb, 1),
            peakScope);
        result.Print(Console.Out);
        var path = options.Out is { } given ? Path.GetFullPath(given) : Path.Combine(repository, "bench", "results", "breach.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, result.ToJson() + "\n");
        Console.WriteLine();
        Console.WriteLine($"  written to {path}");
        return result.Met ? 0 : 1;
    }

    /// <summary>On Linux, writing 5 to clear_refs resets the process's peak resident set (VmHWM), so the peak is the report's own.</summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static async Task<string> ServerVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await version.ExecuteScalarAsync())!;
    }

    private static string? Repository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chancery.slnx")))
                return dir.FullName;
        }

        return null;
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Log(string message) =>
        Console.Error.WriteLine(F($"[{Stopwatch.GetElapsedTime(Started).TotalSeconds,7:0.0} s] {message}"));
}
