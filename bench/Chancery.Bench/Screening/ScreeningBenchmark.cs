using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Chancery.Core.Options;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;

namespace Chancery.Bench.Screening;

/// <summary>
/// <c>scripts/bench.sh screening</c>: builds the index over the real lists and synthetic names,
/// runs the queries on one core and on all, scores recall and false positives, and compares
/// the index with brute force on a subset.
/// </summary>
internal static class ScreeningBenchmark
{
    private const int MaxHits = 20;
    private const int WarmUpQueries = 500;
    private const int Examples = 25;

    private static readonly long Started = Stopwatch.GetTimestamp();

    public static int Run(IReadOnlyList<string> args)
    {
        var options = ScreeningBenchOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine($"bench screening: {error}. {ScreeningBenchOptions.Usage}");
            return 2;
        }

        var shared = RealWatchlists.FindSharedData(options.Shared);
        if (shared is null)
        {
            Console.Error.WriteLine($"bench screening: no shared/data/watchlists found{(options.Shared is null ? " above the current directory; give --shared PATH" : $" at '{options.Shared}'")}.");
            return 2;
        }

        var threshold = new ScreeningOptions().MatchThreshold;
        Log($"reading the watchlists in {shared}");
        var real = RealWatchlists.Read(shared);
        Log($"{real.Count:N0} listed individuals; drawing {Math.Max(0, options.Entries - real.Count):N0} synthetic entries and {options.Queries:N0} queries");
        var workload = ScreeningWorkload.Create(real, options.Entries, options.Queries, options.Seed);

        Log($"{workload.RedrawnNames:N0} synthetic names redrawn or lengthened to keep listed names distinct");
        var (build, speed, hits) = Measure(workload, threshold);

        Log("scoring recall and false positives");
        var (quality, missed, falsePositives) = Quality(workload, hits, workload.Entries.ToDictionary(e => e.EntryId), threshold);

        BruteForceFigures? brute = null;
        if (options.BruteEntries > 0 && options.BruteQueries > 0)
        {
            brute = BruteForce(workload, options, threshold);
        }

        var environment = new RunEnvironment(
            Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, GCSettings.IsServerGC,
            AppContext.TryGetSwitch("System.GC.Concurrent", out var concurrent) ? concurrent : true, GCSettings.LatencyMode.ToString(),
            "ScreeningIndex",
            System.Environment.GetEnvironmentVariable("CHANCERY_BENCH_COMMIT"),
            System.Environment.GetEnvironmentVariable("CHANCERY_BENCH_UNCOMMITTED"));
        var settings = new RunSettings(
            workload.Entries.Count, workload.RealEntries, workload.Entries.Count - workload.RealEntries, workload.Names, workload.Queries.Count,
            workload.Queries.Count(q => q.IsVariant), workload.Queries.Count(q => !q.IsVariant), workload.Queries.Count(q => q.WithContext), threshold, MaxHits, options.Seed,
            workload.RedrawnNames,
            workload.CommonestNameParts);
        var targets = new List<TargetCheck>
        {
            new("recall on variants", "≥ 0.98", quality.Recall, quality.Recall >= 0.98),
            new("false-positive rate", "≤ 0.01", quality.FalsePositiveRate, quality.FalsePositiveRate <= 0.01),
            new("p99 latency, ms", "≤ 10", speed.P99Ms, speed.P99Ms <= 10),
            new("queries/s on one core", "≥ 1000", speed.SingleCoreQps, speed.SingleCoreQps >= 1000),
            new("queries/s per core, all cores busy", "≥ 1000", speed.AllCoresQpsPerCore, speed.AllCoresQpsPerCore >= 1000),
            new("index managed memory, GiB", "≤ 2", Round(build.IndexManagedBytes / (double)(1L << 30), 3), build.IndexManagedBytes <= 2L << 30),
        };

        var command = "scripts/bench.sh screening" + string.Concat(args.Select(a => " " + a));
        var report = new ScreeningReport("screening", command, environment, settings, build, speed, quality, brute, targets, missed, falsePositives);
        report.Print(Console.Out);

        var path = OutputPath(options.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report.ToJson() + "\n");
        Console.WriteLine();
        Console.WriteLine($"  written to {path}");
        return 0;
    }

    // Build time and memory, then every query on one core (each timed) and on all cores. The
    // index lives only in here, so it is garbage before the brute-force comparison builds another.
    private static (BuildFigures, SpeedFigures, IReadOnlyList<WatchlistHit>[]) Measure(ScreeningWorkload workload, double threshold)
    {
        Log($"building the index over {workload.Entries.Count:N0} entries");
        var (index, build) = BuildMeasured(workload.Entries);
        Log($"built in {build.Seconds:0.0} s; {index.Names:N0} names; timing {workload.Queries.Count:N0} queries on one core");
        var queries = workload.Queries;
        var warmUp = Math.Min(WarmUpQueries, queries.Count);
        for (var i = 0; i < warmUp; i++)
            index.Search(queries[i].Query, threshold, MaxHits);

        var hits = new IReadOnlyList<WatchlistHit>[queries.Count];
        var latencies = new double[queries.Count];
        var singleStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < queries.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            hits[i] = index.Search(queries[i].Query, threshold, MaxHits);
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        var singleSeconds = Stopwatch.GetElapsedTime(singleStart).TotalSeconds;
        var threads = Environment.ProcessorCount;
        Log($"one core: {queries.Count / singleSeconds:N0} queries/s; timing on {threads} cores");
        var parallelStart = Stopwatch.GetTimestamp();
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => index.Search(queries[i].Query, threshold, MaxHits));
        var parallelSeconds = Stopwatch.GetElapsedTime(parallelStart).TotalSeconds;

        var sorted = latencies.Order().ToArray();
        var speed = new SpeedFigures(
            queries.Count, warmUp, Round(singleSeconds, 3), Round(queries.Count / singleSeconds, 1), Round(latencies.Average(), 4),
            Round(Percentile(sorted, 0.50), 4), Round(Percentile(sorted, 0.90), 4), Round(Percentile(sorted, 0.99), 4), Round(sorted[^1], 4),
            threads, Round(parallelSeconds, 3), Round(queries.Count / parallelSeconds, 1), Round(queries.Count / parallelSeconds / threads, 1));
        return (build, speed, hits);
    }

    private static (ScreeningIndex Index, BuildFigures Figures) BuildMeasured(List<IndexedEntry> entries)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var index = ScreeningIndex.Build(entries);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (index, new BuildFigures(Round(seconds, 3), before, after, after - before, process.WorkingSet64, process.PeakWorkingSet64));
    }

    private static (QualityFigures, List<MissExample>, List<FalsePositiveExample>) Quality(
        ScreeningWorkload workload, IReadOnlyList<WatchlistHit>[] hits, Dictionary<long, IndexedEntry> entriesById, double threshold)
    {
        var queries = workload.Queries;
        var found = new bool[queries.Count];
        var matcherBelow = new bool[queries.Count];
        var crowded = 0;
        var aboveButMissed = 0;
        var missed = new List<MissExample>();
        var falsePositives = new List<FalsePositiveExample>();
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            if (!q.IsVariant)
            {
                if (hits[i].Count > 0 && falsePositives.Count < Examples)
                {
                    var h = hits[i][0];
                    falsePositives.Add(new FalsePositiveExample(q.Query.Name, q.Population, h.PrimaryName, h.MatchedName, h.Score, Cause(h)));
                }

                continue;
            }

            found[i] = hits[i].Any(h => h.EntryId == q.TargetEntryId);
            if (found[i])
                continue;

            // Would the matcher alone, scoring every name of the target, have called it a hit?
            var target = entriesById[q.TargetEntryId!.Value];
            var best = TargetScore(q.Query, target);
            matcherBelow[i] = best < threshold;
            var why = "the matcher scores the listed person below the threshold";
            if (!matcherBelow[i])
            {
                aboveButMissed++;
                var full = hits[i].Count == MaxHits;
                crowded += full ? 1 : 0;
                why = full ? "crowded out: the hit limit was reached by people scoring as high" : "the index did not return a person the matcher scores above the threshold";
            }

            if (missed.Count < Examples || (!matcherBelow[i] && missed.Count < 2 * Examples))
                missed.Add(new MissExample(q.Variant!.Value.ToString(), q.Query.Name, q.SourceName!, target.EntryId, Round(best, 4), why));
        }

        double Rate(IEnumerable<int> selected, Func<int, bool> counted)
        {
            var list = selected.ToList();
            return list.Count == 0 ? 0 : Round(list.Count(counted) / (double)list.Count, 4);
        }

        var variants = Enumerable.Range(0, queries.Count).Where(i => queries[i].IsVariant).ToList();
        var absent = Enumerable.Range(0, queries.Count).Where(i => !queries[i].IsVariant).ToList();
        GroupRate Group(string name, List<int> members, Func<int, bool> counted) =>
            new(name, members.Count, members.Count(counted), Rate(members, counted), members.Count(i => matcherBelow[i]));

        var byVariant = variants.GroupBy(i => queries[i].Variant!.Value.ToString())
            .Select(g => Group(g.Key, [.. g], i => found[i])).OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
        var bySource = variants.GroupBy(i => queries[i].FromRealList ? $"real: {queries[i].Population}" : $"synthetic: {queries[i].Population}")
            .Select(g => Group(g.Key, [.. g], i => found[i])).OrderBy(g => g.Group, StringComparer.Ordinal).ToList();
        var fpByPopulation = absent.GroupBy(i => queries[i].Population)
            .Select(g => Group(g.Key, [.. g], i => hits[i].Count > 0)).OrderBy(g => g.Group, StringComparer.Ordinal).ToList();

        var causes = absent.Where(i => hits[i].Count > 0).GroupBy(i => Cause(hits[i][0]))
            .Select(g => new CauseCount(g.Key, g.Count())).OrderByDescending(c => c.Queries).ToList();
        var quality = new QualityFigures(
            variants.Count,
            variants.Count(i => found[i]),
            Rate(variants, i => found[i]),
            Rate(variants.Where(i => !queries[i].WithContext), i => found[i]),
            Rate(variants.Where(i => queries[i].WithContext), i => found[i]),
            aboveButMissed,
            crowded,
            absent.Count,
            absent.Count(i => hits[i].Count > 0),
            Rate(absent, i => hits[i].Count > 0),
            Rate(absent.Where(i => !queries[i].WithContext), i => hits[i].Count > 0),
            Rate(absent.Where(i => queries[i].WithContext), i => hits[i].Count > 0),
            variants.Count == 0 ? 0 : Round(variants.Average(i => hits[i].Count), 2),
            byVariant,
            bySource,
            fpByPopulation,
            causes);
        return (quality, missed, falsePositives);
    }

    // Why a person who is not listed got a hit, from the best hit's alignments: a listed name
    // with the same parts and more of them (Jose Delgado / José Delgado Rivera), or parts that
    // only resemble each other.
    private static string Cause(WatchlistHit hit)
    {
        var same = hit.Alignments.All(a => a.Similarity >= 0.96);
        var extra = hit.Reasons.Any(r => r.StartsWith("missing part", StringComparison.Ordinal) || r.StartsWith("initial without", StringComparison.Ordinal));
        return same && extra ? "same parts, one name has more"
            : same ? "same parts otherwise written"
            : "parts only alike (typo, phonetic, similarity rules)";
    }

    private static double TargetScore(ScreeningQuery query, IndexedEntry target)
    {
        var best = 0.0;
        foreach (var name in target.Names)
        {
            var nameScore = NameMatcher.Compare(query.Name, name.Name).Score;
            var score = NameMatcher.ScoreWithContext(nameScore, query.BirthDate, [.. target.BirthDates], query.Nationality, [.. target.Nationalities]).Score;
            best = Math.Max(best, score);
        }

        return best;
    }

    private static BruteForceFigures BruteForce(ScreeningWorkload workload, ScreeningBenchOptions options, double threshold)
    {
        var subset = workload.Entries.Take(options.BruteEntries).ToList();
        Log($"building a second index over the first {subset.Count:N0} entries for the brute-force comparison");
        var index = ScreeningIndex.Build(subset);

        // Every n-th query, so variants and people not listed are both in the sample.
        var queries = workload.Queries;
        var step = queries.Count / (double)options.BruteQueries;
        var sample = Enumerable.Range(0, options.BruteQueries).Select(k => queries[(int)(k * step)].Query).ToList();
        foreach (var q in sample.Take(20))
        {
            index.Search(q, threshold, MaxHits);
            index.SearchBruteForce(q, threshold, MaxHits);
        }

        Log($"{sample.Count:N0} queries, each through the index and through brute force");
        var indexMs = new double[sample.Count];
        var bruteMs = new double[sample.Count];
        int identical = 0, bruteHits = 0, indexHits = 0, bruteFoundByIndex = 0, indexNotInBrute = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var viaIndex = index.Search(sample[i], threshold, MaxHits);
            indexMs[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            var viaBrute = index.SearchBruteForce(sample[i], threshold, MaxHits);
            bruteMs[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;

            var a = viaIndex.Select(h => h.EntryId).ToHashSet();
            var b = viaBrute.Select(h => h.EntryId).ToHashSet();
            identical += a.SetEquals(b) ? 1 : 0;
            bruteHits += b.Count;
            indexHits += a.Count;
            bruteFoundByIndex += b.Count(a.Contains);
            indexNotInBrute += a.Count(x => !b.Contains(x));
            if ((i + 1) % 100 == 0)
                Log($"  {i + 1:N0} of {sample.Count:N0}");
        }

        var indexMedian = Median(indexMs);
        var bruteMedian = Median(bruteMs);
        var indexTotal = indexMs.Sum() / 1000;
        var bruteTotal = bruteMs.Sum() / 1000;
        return new BruteForceFigures(
            subset.Count, index.Names, sample.Count, Round(indexMedian, 4), Round(bruteMedian, 3), Round(bruteMedian / indexMedian, 1),
            Round(indexTotal, 3), Round(bruteTotal, 3), Round(bruteTotal / indexTotal, 1), identical, bruteHits, indexHits, bruteFoundByIndex, indexNotInBrute);
    }

    private static string OutputPath(string? given)
    {
        if (given is not null)
            return Path.GetFullPath(given);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chancery.slnx")))
                return Path.Combine(dir.FullName, "bench", "results", "screening.json");
        }

        return Path.GetFullPath(Path.Combine("bench", "results", "screening.json"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(double[] values) => Percentile([.. values.Order()], 0.5);

    private static double Round(double value, int digits) => Math.Round(value, digits);

    private static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(Started).TotalSeconds,7:0.0} s] {message}"));
}
