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
    private readonly ushort[] nameWeight;
    private readonly ulong[] nameJoins;
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
        nameWeight = built.NameWeight;
        nameJoins = built.NameJoins;
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
        return ScoreCandidates(search, name, query, threshold, maxHits, candidates, statistics);
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

        // Every name is scored except those that provably cannot reach the threshold: no part of
        // theirs aligns with a query part (similarity 0.78; particles and titles with each other
        // are bounded separately) and no two adjacent parts can be merged to fit. That needs one
        // part comparison per distinct vocabulary part, not per name.
        var query1 = name.Tokens.Take(MaxTokens).ToArray();
        var aligns = new bool[Vocabulary.Count];
        var letters = query1.Select(t => (Text: TokenVocabulary.LetterCounts.Of(t.Text), Folded: TokenVocabulary.LetterCounts.Of(t.Folded))).ToArray();
        for (var v = 0; v < aligns.Length; v++)
        {
            var part = Vocabulary[v];
            var partLetters = Vocabulary.Letters[v];
            for (var i = 0; i < query1.Length && !aligns[v]; i++)
            {
                var token = query1[i];
                if ((Light(token) && Light(part)) || !MayAlign(token, letters[i], part, partLetters))
                {
                    continue;
                }

                aligns[v] = NameMatcher.Similarity(token, part).Similarity >= TokenVocabulary.MinPartSimilarity;
            }
        }

        var queryLight = LightShare(query1);
        var scoreAll = threshold <= 0.07 + 1e-9;
        var results = new ResultSet(maxHits);
        for (var id = 0; id < Names; id++)
        {
            if (!scoreAll && !MayScore(query1, queryLight, TokensOf(id), aligns, threshold))
            {
                continue;
            }

            var comparison = NameMatcher.Compare(name, PreparedOf(id));
            Offer(results, id, comparison, query, threshold);
        }

        return results.Hits();
    }

    // Two parts can align (similarity 0.78) only as initials, across scripts (phonetic keys), or
    // with an edit similarity of 0.58 on the written or the folded form: Jaro-Winkler is capped at
    // edit similarity + 0.2 and the other rules need fewer edits. The letters one part has and the
    // other lacks (bag distance) are a lower bound of the edits.
    private static bool MayAlign(NameToken a, (TokenVocabulary.LetterCounts Text, TokenVocabulary.LetterCounts Folded) aLetters, NameToken b, (TokenVocabulary.LetterCounts Text, TokenVocabulary.LetterCounts Folded) bLetters)
    {
        if (a.Kind == NameTokenKind.Initial || b.Kind == NameTokenKind.Initial || a.FromNonLatinScript || b.FromNonLatinScript)
        {
            return true;
        }

        return Close(a.Text.Length, b.Text.Length, aLetters.Text.Common(bLetters.Text)) || Close(a.Folded.Length, b.Folded.Length, aLetters.Folded.Common(bLetters.Folded));

        static bool Close(int a, int b, int common) => Math.Max(a - common, b - common) <= (0.42 * Math.Max(a, b)) + 1e-9;
    }

    private static bool Light(NameToken token) => token.Kind is NameTokenKind.Particle or NameTokenKind.Title;

    private static double LightShare(IEnumerable<NameToken> tokens)
    {
        double light = 0, all = 0;
        foreach (var token in tokens)
        {
            var weight = CandidateSearch.Weight(token);
            all += weight;
            light += Light(token) ? weight : 0;
        }

        return all > 0 ? light / all : 0;
    }

    private bool MayScore(NameToken[] query, double queryLight, ReadOnlySpan<int> parts, bool[] aligns, double threshold)
    {
        foreach (var id in parts)
        {
            if (aligns[id])
            {
                return true;
            }
        }

        // Only particles and titles can align: the score is at most the shorter name's share of
        // them (coverage), and context adds at most 0.07.
        double light = 0, all = 0;
        foreach (var id in parts)
        {
            var weight = CandidateSearch.Weight(Vocabulary[id]);
            all += weight;
            light += Light(Vocabulary[id]) ? weight : 0;
        }

        if (Math.Max(queryLight, all > 0 ? light / all : 0) + 0.07 + 1e-6 >= threshold)
        {
            return true;
        }

        // NameMatcher.MergeToFit joins two adjacent parts of one name when the join aligns at 0.9
        // with a part of five letters or more of the other that starts with the same folded
        // letter and is as long give or take two.
        for (var k = 0; k + 1 < parts.Length; k++)
        {
            if (MayMerge(Vocabulary[parts[k]], Vocabulary[parts[k + 1]], query))
            {
                return true;
            }
        }

        for (var j = 0; j + 1 < query.Length; j++)
        {
            foreach (var id in parts)
            {
                if (MayMerge(query[j], query[j + 1], [Vocabulary[id]]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MayMerge(NameToken first, NameToken second, NameToken[] targets)
    {
        if (first.Kind == NameTokenKind.Initial || second.Kind is NameTokenKind.Initial or NameTokenKind.Particle)
        {
            return false;
        }

        var length = first.Text.Length + second.Text.Length;
        foreach (var target in targets)
        {
            if (target.Kind == NameTokenKind.Name && target.Text.Length >= 5 && target.Text.Length >= length - 2 && target.Text.Length <= length + 2
                && target.Folded[0] == first.Folded[0]
                && NameMatcher.Similarity(target, PreparedName.Join(first, second)).Similarity >= 0.9)
            {
                return true;
            }
        }

        return false;
    }

    internal int EntryOf(int nameId) => nameEntry[nameId];

    internal IndexedEntry EntryAt(int index) => entries[index];

    internal ReadOnlySpan<int> TokensOf(int nameId) => nameTokens.AsSpan(nameTokenStart[nameId], nameTokenStart[nameId + 1] - nameTokenStart[nameId]);

    internal ReadOnlySpan<int> PostingsOf(int vocabularyId) => postings.AsSpan(postingStart[vocabularyId], postingStart[vocabularyId + 1] - postingStart[vocabularyId]);

    internal ReadOnlySpan<int> ShortNames => shortNames;

    internal ushort[] NameWeights => nameWeight;

    internal ulong[] NameJoins => nameJoins;

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

    private IReadOnlyList<WatchlistHit> ScoreCandidates(CandidateSearch search, PreparedName name, ScreeningQuery query, double threshold, int maxHits, List<(int Name, double Bound)> candidates, SearchStatistics statistics)
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

            // The exact bound, from the name's parts: same tests.
            var exact = search.Bound(id);
            statistics.Bounded++;
            if (exact < threshold
                || (results.Full && (exact < results.Last.Score || (!results.Contains(nameEntry[id]) && exact < results.Last.Score + 1e-4 && entry.EntryId > results.Last.EntryId)))
                || (results.TryGetScore(nameEntry[id], out best) && exact < best))
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
