namespace Chancery.Core.Screening.Index;

// The hits of one search: each person's best name (higher score, then higher name score, then the
// earlier name), persons ordered best first and then by entry id.
internal sealed class ResultSet(int maxHits)
{
    private readonly Dictionary<int, (WatchlistHit Hit, int Ordinal)> byEntry = [];
    private readonly List<WatchlistHit> ordered = [];

    public bool Full => ordered.Count >= maxHits;

    public WatchlistHit Last => ordered[maxHits - 1];

    public bool Contains(int entryIndex) => byEntry.ContainsKey(entryIndex);

    public bool TryGetScore(int entryIndex, out double score)
    {
        if (byEntry.TryGetValue(entryIndex, out var best))
        {
            score = best.Hit.Score;
            return true;
        }

        score = 0;
        return false;
    }

    public bool Improves(int entryIndex, double score, double nameScore, int ordinal)
    {
        if (!byEntry.TryGetValue(entryIndex, out var best))
        {
            return true;
        }

        return score > best.Hit.Score
            || (score == best.Hit.Score && (nameScore > best.Hit.NameScore || (nameScore == best.Hit.NameScore && ordinal < best.Ordinal)));
    }

    public void Add(int entryIndex, int ordinal, WatchlistHit hit)
    {
        if (byEntry.TryGetValue(entryIndex, out var old))
        {
            ordered.Remove(old.Hit);
        }

        byEntry[entryIndex] = (hit, ordinal);
        var at = ordered.BinarySearch(hit, Order.Instance);
        ordered.Insert(at < 0 ? ~at : at, hit);
    }

    public IReadOnlyList<WatchlistHit> Hits() => ordered.Count <= maxHits ? [.. ordered] : ordered.GetRange(0, maxHits);

    private sealed class Order : IComparer<WatchlistHit>
    {
        public static readonly Order Instance = new();

        public int Compare(WatchlistHit? x, WatchlistHit? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.EntryId.CompareTo(y.EntryId);
        }
    }
}
