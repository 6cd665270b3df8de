using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

// Per-thread working memory of a search: a state word per name (query parts it shares, flags and
// the search it belongs to, so nothing is cleared between searches) and the similarity of each
// touched vocabulary part to each query part. No locks: each thread has its own.
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? current;

    private readonly int[] vocabularyStamp;
    private readonly int[] vocabularySlot;
    private double[] similarities = new double[4096];
    private int slots;
    private int parts;
    private int stamp;
    private bool[] generating = [];

    private SearchScratch(ScreeningIndex index)
    {
        Index = index;
        NameState = new uint[index.Names];
        vocabularyStamp = new int[index.Vocabulary.Count];
        vocabularySlot = new int[index.Vocabulary.Count];
    }

    public ScreeningIndex Index { get; }

    public uint[] NameState { get; }

    public uint Generation { get; private set; }

    public List<int> Candidates { get; } = [];

    public List<(int Id, double Similarity)> Neighbours { get; } = [];

    public HashSet<int> Seen { get; } = [];

    public static SearchScratch For(ScreeningIndex index)
    {
        if (current is null || !ReferenceEquals(current.Index, index))
        {
            current = new SearchScratch(index);
        }

        return current;
    }

    public void Begin(int queryParts, bool[] generatingParts)
    {
        generating = generatingParts;
        Generation++;
        if (Generation >= (1u << 16))
        {
            Array.Clear(NameState);
            Generation = 1;
        }

        stamp++;
        if (stamp == int.MaxValue)
        {
            Array.Clear(vocabularyStamp);
            stamp = 1;
        }

        parts = queryParts;
        slots = 0;
        Candidates.Clear();
    }

    public void SetSimilarity(int id, int part, double similarity)
    {
        // Slot may grow the array: take the index first.
        var at = Slot(id) + part;
        similarities[at] = similarity;
    }

    // The similarity of a query part to a vocabulary part: from the neighbour lists for the parts
    // that have one (absent = below 0.78), computed once per search for the others.
    public double Similarity(int id, int part, NameToken[] query, TokenVocabulary vocabulary)
    {
        var at = Slot(id) + part;
        var value = similarities[at];
        if (double.IsNaN(value))
        {
            var q = query[part];
            var v = vocabulary[id];

            // A particle pairs with a name only when written the same (NameMatcher.Similarity).
            value = q.Kind == NameTokenKind.Particle && v.Kind is NameTokenKind.Name or NameTokenKind.Title && !string.Equals(q.Text, v.Text, StringComparison.Ordinal)
                ? 0
                : NameMatcher.Similarity(q, v).Similarity;
            similarities[at] = value;
        }

        return value;
    }

    private int Slot(int id)
    {
        if (vocabularyStamp[id] == stamp)
        {
            return vocabularySlot[id] * parts;
        }

        if ((slots + 1) * parts > similarities.Length)
        {
            Array.Resize(ref similarities, similarities.Length * 2);
        }

        vocabularyStamp[id] = stamp;
        vocabularySlot[id] = slots;
        var start = slots * parts;
        for (var i = 0; i < parts; i++)
        {
            similarities[start + i] = i < generating.Length && generating[i] ? 0 : double.NaN;
        }

        slots++;
        return start;
    }
}
