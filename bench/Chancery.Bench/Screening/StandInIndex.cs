using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;

namespace Chancery.Bench.Screening;

// Scores every name of every entry: what SearchBruteForce is specified to do. Used only to
// develop the harness (--stand-in) while ScreeningIndex throws NotImplementedException.
internal sealed class StandInIndex : IScreeningSearch
{
    private readonly IndexedEntry[] entries;
    private readonly PreparedName[][] names;

    public StandInIndex(IReadOnlyList<IndexedEntry> entries)
    {
        this.entries = [.. entries];
        names = [.. entries.Select(e => e.Names.Select(n => PreparedName.Of(n.Name)).ToArray())];
        Names = names.Sum(n => n.Length);
    }

    public int Names { get; }

    public IReadOnlyList<WatchlistHit> Search(ScreeningQuery query, double threshold, int maxHits) => SearchBruteForce(query, threshold, maxHits);

    public IReadOnlyList<WatchlistHit> SearchBruteForce(ScreeningQuery query, double threshold, int maxHits)
    {
        var prepared = PreparedName.Of(query.Name);
        var hits = new List<WatchlistHit>();
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = entries[e];
            WatchlistHit? best = null;
            for (var n = 0; n < names[e].Length; n++)
            {
                var comparison = NameMatcher.Compare(prepared, names[e][n]);

                // Context adds at most 0.07: below that no name of this entry can reach the threshold.
                if (comparison.Score + 0.07 < threshold || (best is not null && comparison.Score <= best.NameScore))
                    continue;
                var context = NameMatcher.ScoreWithContext(comparison.Score, query.BirthDate, [.. entry.BirthDates], query.Nationality, [.. entry.Nationalities]);
                if (context.Score < threshold || (best is not null && context.Score <= best.Score))
                    continue;
                best = new WatchlistHit(
                    entry.EntryId, entry.ListName, entry.SourceId, entry.Names[0].Name, entry.Names[n].Name, entry.Names[n].Kind,
                    comparison.Score, context.Score, comparison.Alignments, [.. comparison.Reasons, .. context.Reasons]);
            }

            if (best is not null)
                hits.Add(best);
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.EntryId).Take(maxHits)];
    }
}
