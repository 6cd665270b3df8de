namespace Chancery.Core.Screening.Index;

/// <summary>
/// An in-memory index of every listed name: candidate generation from name-part keys, then
/// scoring of the candidates only with <see cref="Matching.NameMatcher"/>. Immutable once built
/// and safe to search from many threads; a new list version builds a new index.
/// </summary>
public sealed class ScreeningIndex
{
    private ScreeningIndex()
    {
    }

    /// <summary>The number of listed persons.</summary>
    public int Entries { get; private set; }

    /// <summary>The number of names (primary names, aliases, original-script names).</summary>
    public int Names { get; private set; }

    public static ScreeningIndex Build(IEnumerable<IndexedEntry> entries, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _ = progress;
        throw new NotImplementedException("Index construction is being written.");
    }

    /// <summary>
    /// The listed persons whose score (name score adjusted by birth date and nationality) is at or
    /// above <paramref name="threshold"/>, best first, one hit per person (their best name), at most
    /// <paramref name="maxHits"/>.
    /// </summary>
    public IReadOnlyList<WatchlistHit> Search(ScreeningQuery query, double threshold, int maxHits = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = threshold;
        _ = maxHits + Names;
        throw new NotImplementedException("Index search is being written.");
    }

    /// <summary>The same answer as <see cref="Search"/>, by scoring every name: for tests and the benchmark.</summary>
    public IReadOnlyList<WatchlistHit> SearchBruteForce(ScreeningQuery query, double threshold, int maxHits = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = threshold;
        _ = maxHits + Names;
        throw new NotImplementedException("Brute-force search is being written.");
    }
}
