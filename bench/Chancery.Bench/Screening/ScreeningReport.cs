using System.Globalization;
using System.Text.Json;

namespace Chancery.Bench.Screening;

/// <summary>What one run of the screening benchmark measured; written as JSON and printed as a table.</summary>
internal sealed record ScreeningReport(
    string Benchmark,
    string Command,
    RunEnvironment Environment,
    RunSettings Settings,
    BuildFigures Build,
    SpeedFigures Speed,
    QualityFigures Quality,
    BruteForceFigures? BruteForce,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<MissExample> MissedExamples,
    IReadOnlyList<FalsePositiveExample> FalsePositiveExamples)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Print(TextWriter o)
    {
        var s = Settings;
        o.WriteLine();
        o.WriteLine(F($"Screening benchmark — {Environment.Index}, {Environment.ProcessorCount} cores, {(Environment.ServerGc ? "server" : "workstation")} GC{(Environment.ConcurrentGc ? " (concurrent)" : string.Empty)}"));
        o.WriteLine(F($"  source     commit {Environment.Commit ?? "unknown"}, uncommitted files under src/ and bench/: {Environment.UncommittedSourceFiles ?? "unknown"}"));
        o.WriteLine(F($"  watchlist  {s.Entries:N0} entries ({s.RealEntries:N0} OFAC/UN individuals, {s.SyntheticEntries:N0} synthetic), {s.Names:N0} names; seed {s.Seed}"));
        o.WriteLine(F($"  queries    {s.Queries:N0} ({s.VariantQueries:N0} variants of listed names, {s.AbsentQueries:N0} people not listed; {s.QueriesWithContext:N0} with birth date and nationality)"));
        o.WriteLine(F($"  threshold  {s.Threshold:0.00}, at most {s.MaxHits} hits per query"));
        o.WriteLine(F($"  commonest name parts: {string.Join(", ", s.CommonestNameParts.Take(6).Select(p => $"{p.Part} {p.Entries:N0}"))}"));
        o.WriteLine();
        o.WriteLine("  measure                                  value         target     met");
        Row(o, "index build", F($"{Build.Seconds:0.0} s"), string.Empty, null);
        Row(o, "index memory (managed, after − before)", Bytes(Build.IndexManagedBytes), "≤ 2 GiB", Build.IndexManagedBytes <= 2L << 30);
        Row(o, "process working set after build", Bytes(Build.WorkingSetBytes), string.Empty, null);
        Row(o, "queries/s, one core", F($"{Speed.SingleCoreQps:N0}"), "≥ 1,000", Speed.SingleCoreQps >= 1000);
        Row(o, F($"queries/s, {Speed.Threads} cores"), F($"{Speed.AllCoresQps:N0}"), string.Empty, null);
        Row(o, "queries/s per core, all cores busy", F($"{Speed.AllCoresQpsPerCore:N0}"), "≥ 1,000", Speed.AllCoresQpsPerCore >= 1000);
        Row(o, "latency p50", F($"{Speed.P50Ms:0.000} ms"), string.Empty, null);
        Row(o, "latency p99", F($"{Speed.P99Ms:0.000} ms"), "≤ 10 ms", Speed.P99Ms <= 10);
        Row(o, "recall on variants", F($"{Quality.Recall:0.0000}"), "≥ 0.98", Quality.Recall >= 0.98);
        Row(o, "false-positive rate on others", F($"{Quality.FalsePositiveRate:0.0000}"), "≤ 0.01", Quality.FalsePositiveRate <= 0.01);
        if (BruteForce is { } b)
        {
            Row(o, F($"brute force, {b.Entries:N0} entries: median"), F($"{b.BruteMedianMs:0.00} ms"), string.Empty, null);
            Row(o, F($"index, {b.Entries:N0} entries: median"), F($"{b.IndexMedianMs:0.000} ms"), string.Empty, null);
            Row(o, "speed-up (medians)", F($"{b.SpeedupMedian:N0}×"), string.Empty, null);
            Row(o, "speed-up (total time)", F($"{b.SpeedupTotal:N0}×"), string.Empty, null);
            Row(o, "identical hit lists, index vs brute force", F($"{b.IdenticalHitLists}/{b.Queries}"), string.Empty, null);
            Row(o, "brute-force hits the index also returns", F($"{b.BruteHitsFoundByIndex}/{b.BruteHits}"), string.Empty, null);
        }

        o.WriteLine();
        o.WriteLine(F($"  recall: name only {Quality.RecallNameOnly:0.0000}, with birth date and nationality {Quality.RecallWithContext:0.0000}; misses the matcher would hit: {Quality.MissesScoredAboveThreshold} (of them crowded out by the hit limit: {Quality.MissesCrowdedOut})"));
        o.WriteLine(F($"  false positives: name only {Quality.FalsePositiveRateNameOnly:0.0000}, with birth date and nationality {Quality.FalsePositiveRateWithContext:0.0000}"));
        o.WriteLine(F($"  false positives by cause (best hit): {string.Join("; ", Quality.FalsePositiveCauses.Select(c => $"{c.Cause} {c.Queries:N0}"))}"));
        o.WriteLine("  recall by variant kind                  queries   found   recall   matcher < threshold");
        foreach (var k in Quality.ByVariant)
            o.WriteLine(F($"    {k.Group,-36} {k.Queries,7:N0} {k.Found,7:N0}   {k.Rate:0.0000}   {k.MatcherBelowThreshold,7:N0}"));
        o.WriteLine("  recall by source                        queries   found   recall");
        foreach (var k in Quality.RecallBySource)
            o.WriteLine(F($"    {k.Group,-36} {k.Queries,7:N0} {k.Found,7:N0}   {k.Rate:0.0000}"));
        o.WriteLine("  false positives by population           queries    hits     rate");
        foreach (var k in Quality.FalsePositivesByPopulation)
            o.WriteLine(F($"    {k.Group,-36} {k.Queries,7:N0} {k.Found,7:N0}   {k.Rate:0.0000}"));
    }

    private static void Row(TextWriter o, string label, string value, string target, bool? met) =>
        o.WriteLine(F($"  {label,-40} {value,-13} {target,-10} {(met is null ? string.Empty : met.Value ? "yes" : "NO")}"));

    private static string Bytes(long bytes) => F($"{bytes / (1024.0 * 1024):N0} MiB");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

internal sealed record RunEnvironment(
    int ProcessorCount, string Os, string Runtime, bool ServerGc, bool ConcurrentGc, string GcLatencyMode, string Index, string? Commit, string? UncommittedSourceFiles);

internal sealed record RunSettings(
    int Entries,
    int RealEntries,
    int SyntheticEntries,
    int Names,
    int Queries,
    int VariantQueries,
    int AbsentQueries,
    int QueriesWithContext,
    double Threshold,
    int MaxHits,
    ulong Seed,
    int SyntheticNamesRedrawn,
    IReadOnlyList<NamePartCount> CommonestNameParts);

internal sealed record NamePartCount(string Part, int Entries);

internal sealed record BuildFigures(double Seconds, long ManagedBytesBefore, long ManagedBytesAfter, long IndexManagedBytes, long WorkingSetBytes, long PeakWorkingSetBytes);

internal sealed record SpeedFigures(
    int Queries,
    int WarmUpQueries,
    double SingleCoreSeconds,
    double SingleCoreQps,
    double MeanMs,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    int Threads,
    double AllCoresSeconds,
    double AllCoresQps,
    double AllCoresQpsPerCore);

internal sealed record QualityFigures(
    int VariantQueries,
    int Found,
    double Recall,
    double RecallNameOnly,
    double RecallWithContext,
    int MissesScoredAboveThreshold,
    int MissesCrowdedOut,
    int AbsentQueries,
    int AbsentWithHits,
    double FalsePositiveRate,
    double FalsePositiveRateNameOnly,
    double FalsePositiveRateWithContext,
    double MeanHitsPerVariantQuery,
    IReadOnlyList<GroupRate> ByVariant,
    IReadOnlyList<GroupRate> RecallBySource,
    IReadOnlyList<GroupRate> FalsePositivesByPopulation,
    IReadOnlyList<CauseCount> FalsePositiveCauses);

internal sealed record CauseCount(string Cause, int Queries);

/// <summary>A share within a group of queries: found targets (recall) or queries with a hit (false positives).</summary>
internal sealed record GroupRate(string Group, int Queries, int Found, double Rate, int MatcherBelowThreshold);

internal sealed record BruteForceFigures(
    int Entries,
    int Names,
    int Queries,
    double IndexMedianMs,
    double BruteMedianMs,
    double SpeedupMedian,
    double IndexTotalSeconds,
    double BruteTotalSeconds,
    double SpeedupTotal,
    int IdenticalHitLists,
    int BruteHits,
    int IndexHits,
    int BruteHitsFoundByIndex,
    int IndexHitsNotFoundByBruteForce);

internal sealed record TargetCheck(string Measure, string Target, double Value, bool Met);

internal sealed record MissExample(string Kind, string Query, string ListedName, long EntryId, double TargetScore, string Why);

internal sealed record FalsePositiveExample(string Query, string Population, string Hit, string MatchedName, double Score, string Cause);
