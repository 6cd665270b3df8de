using System.Diagnostics;
using System.Globalization;
using Chancery.Core.Data;
using Chancery.Core.Screening.Import;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chancery.Core.Screening;

/// <summary>An index built from the watchlists at the versions it names.</summary>
public sealed record ScreeningSnapshot(ScreeningIndex Index, IReadOnlyDictionary<string, int> ListVersions, DateTime BuiltAt, TimeSpan BuildTime)
{
    /// <summary>For the record of a screening: <c>OFAC SDN v3, UN consolidated v1</c>, or that no list is loaded.</summary>
    public string Describe() => ListVersions.Count == 0
        ? "no watchlist loaded"
        : string.Join(", ", ListVersions.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} v{l.Value}")));
}

/// <summary>
/// Holds the one screening index of the process. Searches always use a complete index: a rebuild
/// (after an import changed a list's version) builds the new index beside the old one and swaps
/// the reference when it is done, so screening never stops. A screening that must reflect the
/// latest lists asks <see cref="GetCurrentAsync"/>, which waits (up to a limit) for the rebuild.
/// </summary>
public sealed class ScreeningIndexHolder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScreeningIndexHolder> log)
{
    private readonly Lock gate = new();
    private volatile ScreeningSnapshot? current;
    private Task<ScreeningSnapshot>? rebuilding;

    /// <summary>The latest complete index, whichever list versions it was built from; null before the first build.</summary>
    public ScreeningSnapshot? Current => current;

    /// <summary>True while a rebuild is running.</summary>
    public bool Rebuilding
    {
        get
        {
            lock (gate)
                return rebuilding is { IsCompleted: false };
        }
    }

    /// <summary>
    /// The index of the lists as they are in the database now. Starts a rebuild when the lists
    /// changed and waits for it up to <paramref name="wait"/>; null when it is not ready by then.
    /// </summary>
    public async Task<ScreeningSnapshot?> GetCurrentAsync(ChanceryDb db, TimeSpan wait, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await ReadVersionsAsync(db, ct);
        var snapshot = current;
        if (snapshot is not null && SameVersions(snapshot.ListVersions, versions))
            return snapshot;

        var task = StartRebuild();
        try
        {
            var built = await task.WaitAsync(wait, clock, ct);
            // The lists may have changed again while it was building: only an exact match will do.
            return SameVersions(built.ListVersions, versions) || SameVersions(built.ListVersions, await ReadVersionsAsync(db, ct)) ? built : null;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Rebuilds when the lists in the database differ from the index; returns whether it rebuilt.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var versions = await ReadVersionsAsync(db, ct);
        var snapshot = current;
        if (snapshot is not null && SameVersions(snapshot.ListVersions, versions))
            return false;
        await StartRebuild().WaitAsync(ct);
        return true;
    }

    private Task<ScreeningSnapshot> StartRebuild()
    {
        lock (gate)
        {
            if (rebuilding is { IsCompleted: false } running)
                return running;
            rebuilding = Task.Run(BuildAsync);
            return rebuilding;
        }
    }

    private async Task<ScreeningSnapshot> BuildAsync()
    {
        var watch = Stopwatch.StartNew();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        // Versions first: if an import lands while the entries are read, the next check sees a newer version and rebuilds again.
        var versions = await ReadVersionsAsync(db, CancellationToken.None);
        var entries = await LoadEntriesAsync(db, CancellationToken.None);
        var index = ScreeningIndex.Build(entries);
        var snapshot = new ScreeningSnapshot(index, versions, clock.GetUtcNow().UtcDateTime, watch.Elapsed);
        current = snapshot;
        log.LogInformation("Screening index built from {Lists}: {Entries} listed persons, {Names} names, in {Seconds:0.0} s",
            snapshot.Describe(), index.Entries, index.Names, watch.Elapsed.TotalSeconds);
        return snapshot;
    }

    private static async Task<Dictionary<string, int>> ReadVersionsAsync(ChanceryDb db, CancellationToken ct) =>
        await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Name, w => w.Version, StringComparer.Ordinal, ct);

    private static bool SameVersions(IReadOnlyDictionary<string, int> a, Dictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>Every listed person of every list, as the index takes them.</summary>
    public static async Task<List<IndexedEntry>> LoadEntriesAsync(ChanceryDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lists = await db.Watchlists.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var names = new Dictionary<long, List<IndexedName>>();
        await foreach (var n in db.WatchlistNames.AsNoTracking().Select(n => new { n.EntryId, n.Name, n.Kind, n.Quality }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!names.TryGetValue(n.EntryId, out var list))
                names[n.EntryId] = list = new List<IndexedName>(2);
            list.Add(new IndexedName(n.Name, n.Kind, n.Quality));
        }

        var entries = new List<IndexedEntry>(names.Count);
        await foreach (var e in db.WatchlistEntries.AsNoTracking()
                           .Select(e => new { e.Id, e.WatchlistId, e.SourceId, e.PrimaryName, e.BirthDates, e.Nationalities })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var entryNames = names.GetValueOrDefault(e.Id) ?? [new IndexedName(e.PrimaryName, "Primary")];
            entries.Add(new IndexedEntry(e.Id, lists[e.WatchlistId], e.SourceId, entryNames, BirthDates(e.BirthDates), Split(e.Nationalities)));
        }

        return entries;
    }

    /// <summary>The birth dates a list gives, as the matcher compares them: a range or an approximate year gives each year it covers.</summary>
    public static IReadOnlyList<BirthDate> BirthDates(string? stored)
    {
        var dates = new List<BirthDate>();
        foreach (var text in Split(stored))
        {
            if (!ParsedBirthDate.TryParse(text, out var parsed) || parsed is null)
                continue;
            if (parsed.IsRange || parsed.Approximate)
            {
                var (from, to) = parsed.Approximate ? (parsed.FromYear - 1, parsed.FromYear + 1) : (parsed.FromYear, Math.Min(parsed.ToYear, parsed.FromYear + 20));
                for (var y = from; y <= to; y++)
                    dates.Add(new BirthDate(y));
            }
            else
            {
                dates.Add(new BirthDate(parsed.FromYear, parsed.Month, parsed.Day));
            }
        }

        return dates;
    }

    private static string[] Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
