using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

/// <summary>
/// An in-memory index of every listed name: candidate generation from name-part keys, then
/// scoring of the candidates only with <see cref="Matching.NameMatcher"/>. Immutable once built
/// and safe to search from many threads; a new list version builds a new index.
/// </summary>
public sealed class ScreeningIndex
{
    // Names of more parts are compared on their first twelve (NameMatcher.MaxTokens).
    internal const int MaxTokens = 12;

    // Up to this many names the prepared form of each is kept (brute force and scoring skip normalisation).
    private const int PreparedCacheLimit = 250_000;

    private readonly IndexedEntry[] entries;
    private readonly int[] nameEntry;
    private readonly ushort[] nameOrdinal;
    private readonly int[] nameTokenStart;
    private readonly int[] nameTokens;
    private readonly int[] postingStart;
    private readonly int[] postings;
    private readonly int[] shortNames;
    private readonly ulong[] joinKeys;
    private readonly int[] joinStart;
    private readonly int[] joinNames;
    private readonly PreparedName[]? prepared;

    private ScreeningIndex(IndexBuilder built)
    {
        entries = built.Entries;
        nameEntry = built.NameEntry;
        nameOrdinal = built.NameOrdinal;
        nameTokenStart = built.NameTokenStart;
        nameTokens = built.NameTokens;
        postingStart = built.PostingStart;
        postings = built.Postings;
        shortNames = built.ShortNames;
        joinKeys = built.JoinKeys;
        joinStart = built.JoinStart;
        joinNames = built.JoinNames;
        prepared = built.Prepared;
        Vocabulary = built.Vocabulary;
        Entries = entries.Length;
        Names = nameEntry.Length;
    }

    /// <summary>The number of listed persons.</summary>
    public int Entries { get; private set; }

    /// <summary>The number of names (primary names, aliases, original-script names).</summary>
    public int Names { get; private set; }

    /// <summary>The number of distinct name parts (text, kind, script) the index holds.</summary>
    public int DistinctParts => Vocabulary.Count;

    internal TokenVocabulary Vocabulary { get; }

    public static ScreeningIndex Build(IEnumerable<IndexedEntry> entries, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new ScreeningIndex(IndexBuilder.Build(entries, progress, PreparedCacheLimit));
    }

    /// <summary>
    /// The listed persons whose score (name score adjusted by birth date and nationality) is at or
    /// above <paramref name="threshold"/>, best first, one hit per person (their best name), at most
    /// <paramref name="maxHits"/>.
    /// </summary>
    public IReadOnlyList<WatchlistHit> Search(ScreeningQuery query, double threshold, int maxHits = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Name);
        var statistics = new SearchStatistics();
        return Search(query, threshold, maxHits, statistics);
    }

    internal IReadOnlyList<WatchlistHit> Search(ScreeningQuery query, double threshold, int maxHits, SearchStatistics statistics)
    {
        if (maxHits <= 0 || Names == 0)
        {
            return [];
        }

        var name = PreparedName.Of(query.Name);
        if (name.Tokens.Count == 0)
        {
            return [];
        }

        var search = new CandidateSearch(this, name, query, threshold, statistics);
        if (!search.CanUseIndex)
        {
            return SearchBruteForce(query, threshold, maxHits);
        }

        var candidates = search.Run();
        return ScoreCandidates(name, query, threshold, maxHits, candidates, statistics);
    }

    /// <summary>The same answer as <see cref="Search"/>, by scoring every name: for tests and the benchmark.</summary>
    public IReadOnlyList<WatchlistHit> SearchBruteForce(ScreeningQuery query, double threshold, int maxHits = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Name);
        if (maxHits <= 0 || Names == 0)
        {
            return [];
        }

        var name = PreparedName.Of(query.Name);
        if (name.Tokens.Count == 0)
        {
            return [];
        }

        var results = new ResultSet(maxHits);
        for (var id = 0; id < Names; id++)
        {
            var comparison = NameMatcher.Compare(name, PreparedOf(id));
            Offer(results, id, comparison, query, threshold);
        }

        return results.Hits();
    }

    internal int EntryOf(int nameId) => nameEntry[nameId];

    internal IndexedEntry EntryAt(int index) => entries[index];

    internal ReadOnlySpan<int> TokensOf(int nameId) => nameTokens.AsSpan(nameTokenStart[nameId], nameTokenStart[nameId + 1] - nameTokenStart[nameId]);

    internal ReadOnlySpan<int> PostingsOf(int vocabularyId) => postings.AsSpan(postingStart[vocabularyId], postingStart[vocabularyId + 1] - postingStart[vocabularyId]);

    internal ReadOnlySpan<int> ShortNames => shortNames;

    internal ReadOnlySpan<int> JoinedPostings(ulong key)
    {
        var at = Array.BinarySearch(joinKeys, key);
        return at < 0 ? [] : joinNames.AsSpan(joinStart[at], joinStart[at + 1] - joinStart[at]);
    }

    internal long MemoryEstimate =>
        ((long)nameEntry.Length * 5) + ((long)nameTokenStart.Length * 4) + ((long)nameTokens.Length * 4) + ((long)postingStart.Length * 4)
        + ((long)postings.Length * 4) + ((long)joinKeys.Length * 12) + ((long)joinNames.Length * 4);

    private PreparedName PreparedOf(int nameId) =>
        prepared?[nameId] ?? PreparedName.Of(entries[nameEntry[nameId]].Names[nameOrdinal[nameId]].Name);

    private IReadOnlyList<WatchlistHit> ScoreCandidates(PreparedName name, ScreeningQuery query, double threshold, int maxHits, List<(int Name, double Bound)> candidates, SearchStatistics statistics)
    {
        // Best bound first: once maxHits persons are found, a candidate whose bound is below the
        // last of them cannot change the answer.
        candidates.Sort((x, y) =>
        {
            var byBound = y.Bound.CompareTo(x.Bound);
            return byBound != 0 ? byBound : entries[nameEntry[x.Name]].EntryId.CompareTo(entries[nameEntry[y.Name]].EntryId);
        });

        var results = new ResultSet(maxHits);
        foreach (var (id, bound) in candidates)
        {
            var entry = entries[nameEntry[id]];
            if (results.Full)
            {
                var last = results.Last;
                if (bound < last.Score)
                {
                    break;
                }

                // Not better than the last hit, and after it by entry id: cannot enter.
                if (!results.Contains(nameEntry[id]) && bound < last.Score + 1e-4 && entry.EntryId > last.EntryId)
                {
                    continue;
                }
            }

            if (results.TryGetScore(nameEntry[id], out var best) && bound < best)
            {
                continue;
            }

            statistics.Scored++;
            var comparison = NameMatcher.Compare(name, PreparedOf(id));
            Offer(results, id, comparison, query, threshold);
        }

        return results.Hits();
    }

    private void Offer(ResultSet results, int nameId, NameComparison comparison, ScreeningQuery query, double threshold)
    {
        var entryIndex = nameEntry[nameId];
        var entry = entries[entryIndex];
        if (comparison.Score + 0.07 + 1e-9 < threshold)
        {
            return;
        }

        var context = NameMatcher.ScoreWithContext(comparison.Score, query.BirthDate, entry.BirthDates, query.Nationality, entry.Nationalities);
        if (context.Score < threshold)
        {
            return;
        }

        var ordinal = nameOrdinal[nameId];
        if (!results.Improves(entryIndex, context.Score, comparison.Score, ordinal))
        {
            return;
        }

        var matched = entry.Names[ordinal];
        var reasons = new List<string>(comparison.Reasons.Count + context.Reasons.Count + 1) { Matched(matched) };
        reasons.AddRange(comparison.Reasons);
        reasons.AddRange(context.Reasons);
        var primary = entry.Names.FirstOrDefault(n => string.Equals(n.Kind, "Primary", StringComparison.Ordinal))?.Name ?? entry.Names[0].Name;
        var hit = new WatchlistHit(entry.EntryId, entry.ListName, entry.SourceId, primary, matched.Name, matched.Kind, comparison.Score, context.Score, comparison.Alignments, reasons);
        results.Add(entryIndex, ordinal, hit);
    }

    private static string Matched(IndexedName name) => name.Kind switch
    {
        "Primary" => $"primary name matched: {name.Name}",
        "Alias" => $"alias matched: {name.Name}",
        "OriginalScript" => $"original-script name matched: {name.Name}",
        _ => $"{name.Kind} name matched: {name.Name}",
    };
}
