using System.Numerics;
using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

// Every distinct name part of the index (text, kind, script), and the search for the parts a query
// part can align with: NameMatcher aligns two parts only when their similarity is at least 0.78,
// so the parts with a lower similarity cannot help a name reach a threshold. The search is a
// superset filter followed by the matcher's own part similarity, so what it returns is exact; the
// filter follows the similarity rules (see NameMatcher.Similarity):
// - equal text, folded form or phonetic key, an article written attached: hash look-ups;
// - the Jaro-Winkler and typo scores never exceed the edit similarity + 0.2, so a part needs an
//   edit similarity of 0.58 (on the written or on the folded form); when the first letters are not
//   ones romanisations swap, 0.83, which is one edit at the front of a part of six or more letters
//   (hash look-ups on the part without its first letter); otherwise a scan of the parts that
//   start with a compatible letter, filtered by length and by the letters they share;
// - against Cyrillic or Arabic script the phonetic keys are compared by Jaro-Winkler (0.78 / 0.9):
//   a scan of the distinct keys.
internal sealed class TokenVocabulary
{
    public const double MinPartSimilarity = 0.78;

    // Edit similarity below which neither Jaro-Winkler (capped at edit similarity + 0.2) nor the
    // typo scores (one or two edits) reach MinPartSimilarity.
    private const double MinEditSimilarity = 0.58;

    // JW(keys) × 0.9 ≥ 0.78.
    private const double MinKeyJaroWinkler = MinPartSimilarity / 0.9;

    private readonly NameToken[] tokens;
    private readonly Dictionary<string, int[]> byText;
    private readonly Dictionary<string, int[]> byFolded;
    private readonly Dictionary<string, int[]> byKey;
    private readonly Dictionary<string, int[]> byTextTail;
    private readonly Dictionary<string, int[]> byFoldedTail;
    private readonly Bucket[] buckets;
    private readonly int[] initials;
    private readonly uint[] foldedFirstByTextFirst;
    private readonly KeyGroup[] allKeys;
    private readonly KeyGroup[] nonLatinKeys;

    private TokenVocabulary(NameToken[] tokens)
    {
        this.tokens = tokens;
        byText = Group(tokens, t => t.Text);
        byFolded = Group(tokens, t => t.Folded);
        byKey = Group(tokens, t => t.PhoneticKey.Length >= 2 ? t.PhoneticKey : null);
        byTextTail = Group(tokens, t => t.Text.Length >= 2 && Fuzzy(t) ? t.Text[1..] : null);
        byFoldedTail = Group(tokens, t => t.Folded.Length >= 2 && Fuzzy(t) ? t.Folded[1..] : null);
        initials = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Kind == NameTokenKind.Initial).ToArray();

        foldedFirstByTextFirst = new uint[26];
        var lists = new List<int>[26];
        for (var i = 0; i < 26; i++)
        {
            lists[i] = [];
        }

        for (var id = 0; id < tokens.Length; id++)
        {
            var t = tokens[id];
            if (!Fuzzy(t) || !IsLetter(t.Folded[0]) || !IsLetter(t.Text[0]))
            {
                continue;
            }

            lists[t.Folded[0] - 'A'].Add(id);
            foldedFirstByTextFirst[t.Text[0] - 'A'] |= 1u << (t.Folded[0] - 'A');
        }

        buckets = lists.Select(l => new Bucket(l.OrderBy(id => tokens[id].Folded.Length).ToArray(), tokens)).ToArray();
        allKeys = KeyGroups(tokens, _ => true);
        nonLatinKeys = KeyGroups(tokens, t => t.FromNonLatinScript);
    }

    public int Count => tokens.Length;

    public NameToken this[int id] => tokens[id];

    public static TokenVocabulary Create(IReadOnlyList<NameToken> distinct) => new([.. distinct]);

    // The vocabulary parts whose similarity to the query part is at least minSimilarity, with it.
    public void Neighbours(NameToken query, double minSimilarity, List<(int Id, double Similarity)> output, HashSet<int> seen)
    {
        seen.Clear();
        output.Clear();
        if (query.Kind == NameTokenKind.Initial)
        {
            throw new InvalidOperationException("Initials are matched against a name's parts directly.");
        }

        Check(query, byText.GetValueOrDefault(query.Text), minSimilarity, output, seen);
        if (query.Kind is NameTokenKind.Particle)
        {
            // A particle pairs with a particle or with the same text only; particles are not
            // looked up (AL would select half the list): they weigh 0.15 and are checked per name.
            return;
        }

        Check(query, byFolded.GetValueOrDefault(query.Folded), minSimilarity, output, seen);
        if (query.PhoneticKey.Length >= 2)
        {
            Check(query, byKey.GetValueOrDefault(query.PhoneticKey), minSimilarity, output, seen);
        }

        // An article written attached (Alqaida / Qaida, Elhassan / Hassan).
        var text = query.Text;
        if (text.Length >= 5 && (text.StartsWith("AL", StringComparison.Ordinal) || text.StartsWith("EL", StringComparison.Ordinal) || text.StartsWith("UL", StringComparison.Ordinal)))
        {
            Check(query, byText.GetValueOrDefault(text[2..]), minSimilarity, output, seen);
        }

        if (text.Length >= 3)
        {
            Check(query, byText.GetValueOrDefault("AL" + text), minSimilarity, output, seen);
            Check(query, byText.GetValueOrDefault("EL" + text), minSimilarity, output, seen);
            Check(query, byText.GetValueOrDefault("UL" + text), minSimilarity, output, seen);
        }

        foreach (var id in initials)
        {
            Check(query, id, minSimilarity, output, seen);
        }

        // One edit at the front (the first letters differ): substitution, insertion, deletion, transposition.
        FrontEdits(query, text, byText, byTextTail, minSimilarity, output, seen);
        FrontEdits(query, query.Folded, byFolded, byFoldedTail, minSimilarity, output, seen);

        // Same or interchangeable first letter: scan those buckets.
        var folded = query.Folded;
        if (IsLetter(folded[0]) && IsLetter(text[0]))
        {
            var letters = (1u << (folded[0] - 'A')) | foldedFirstByTextFirst[text[0] - 'A'];
            for (var c = 'A'; c <= 'Z'; c++)
            {
                if (SoundAlike(folded[0], c))
                {
                    letters |= 1u << (c - 'A');
                }
            }

            var textMask = Mask(text);
            var foldedMask = Mask(folded);
            for (var b = 0; b < 26; b++)
            {
                if ((letters & (1u << b)) != 0)
                {
                    ScanBucket(query, buckets[b], textMask, foldedMask, minSimilarity, output, seen);
                }
            }
        }

        // Cyrillic or Arabic script on either side: the keys are compared by Jaro-Winkler.
        if (query.PhoneticKey.Length > 0 && minSimilarity <= 0.9 * 0.999)
        {
            ScanKeys(query, query.FromNonLatinScript ? allKeys : nonLatinKeys, minSimilarity, output, seen);
        }
    }

    // Every part an initial can stand for: same first letter, written or folded.
    public void InitialNeighbours(NameToken initial, List<(int Id, double Similarity)> output)
    {
        output.Clear();
        for (var id = 0; id < tokens.Length; id++)
        {
            var t = tokens[id];
            if (t.Text[0] == initial.Text[0] || t.Folded[0] == initial.Folded[0])
            {
                var similarity = NameMatcher.Similarity(initial, t).Similarity;
                if (similarity >= MinPartSimilarity)
                {
                    output.Add((id, similarity));
                }
            }
        }
    }

    private void FrontEdits(NameToken query, string form, Dictionary<string, int[]> full, Dictionary<string, int[]> tail, double min, List<(int, double)> output, HashSet<int> seen)
    {
        if (form.Length < 2)
        {
            return;
        }

        var rest = form[1..];
        Check(query, tail.GetValueOrDefault(rest), min, output, seen);
        Check(query, tail.GetValueOrDefault(form), min, output, seen);
        Check(query, full.GetValueOrDefault(rest), min, output, seen);
        var swapped = string.Concat(form[1].ToString(), form[0].ToString(), form.AsSpan(2));
        Check(query, full.GetValueOrDefault(swapped), min, output, seen);
    }

    private void ScanBucket(NameToken query, Bucket bucket, uint textMask, uint foldedMask, double min, List<(int, double)> output, HashSet<int> seen)
    {
        var qt = query.Text.Length;
        var qf = query.Folded.Length;
        var ids = bucket.Ids;
        for (var k = 0; k < ids.Length; k++)
        {
            if (Plausible(qf, bucket.FoldedLength[k], foldedMask, bucket.FoldedMask[k])
                || Plausible(qt, bucket.TextLength[k], textMask, bucket.TextMask[k]))
            {
                Check(query, ids[k], min, output, seen);
            }
        }
    }

    // A lower bound of the edit distance (length difference, letters on one side only) against the
    // most edits an edit similarity of MinEditSimilarity allows.
    private static bool Plausible(int a, int b, uint maskA, uint maskB)
    {
        var longer = Math.Max(a, b);
        var allowed = (int)Math.Floor(((1 - MinEditSimilarity) * longer) + 1e-9);
        var lower = Math.Max(Math.Abs(a - b), Math.Max(BitOperations.PopCount(maskA & ~maskB), BitOperations.PopCount(maskB & ~maskA)));
        return lower <= allowed;
    }

    private void ScanKeys(NameToken query, KeyGroup[] groups, double min, List<(int, double)> output, HashSet<int> seen)
    {
        var key = query.PhoneticKey;
        var keyMask = Mask(key);
        foreach (var group in groups)
        {
            var other = group.Key;
            var shorter = Math.Min(key.Length, other.Length);
            var longer = Math.Max(key.Length, other.Length);
            if (longer > 3 * shorter + 1)
            {
                continue;
            }

            // Jaro ≥ (JW − 0.4) / 0.6 and Jaro ≤ (2 × common / length sum ... ): common letters bound the matches.
            var common = Math.Min(CountIn(key, group.Mask), CountIn(other, keyMask));
            var jaroBound = ((double)common / key.Length + (double)common / other.Length + 1) / 3;
            if (jaroBound + (0.4 * (1 - jaroBound)) < MinKeyJaroWinkler - 1e-9)
            {
                continue;
            }

            if (StringSimilarity.JaroWinkler(key, other) >= MinKeyJaroWinkler - 1e-9)
            {
                Check(query, group.Ids, min, output, seen);
            }
        }
    }

    private static int CountIn(string s, uint mask)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += IsLetter(c) && (mask & (1u << (c - 'A'))) != 0 ? 1 : 0;
        }

        return n;
    }

    private void Check(NameToken query, int[]? ids, double min, List<(int, double)> output, HashSet<int> seen)
    {
        if (ids is null)
        {
            return;
        }

        foreach (var id in ids)
        {
            Check(query, id, min, output, seen);
        }
    }

    private void Check(NameToken query, int id, double min, List<(int, double)> output, HashSet<int> seen)
    {
        if (!seen.Add(id))
        {
            return;
        }

        var similarity = NameMatcher.Similarity(query, tokens[id]).Similarity;
        if (similarity >= min)
        {
            output.Add((id, similarity));
        }
    }

    // Parts that can match a name part other than by equal text: names and titles.
    private static bool Fuzzy(NameToken t) => t.Kind is NameTokenKind.Name or NameTokenKind.Title;

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z';

    internal static uint Mask(string s)
    {
        var mask = 0u;
        foreach (var c in s)
        {
            if (IsLetter(c))
            {
                mask |= 1u << (c - 'A');
            }
        }

        return mask;
    }

    // The first letters NameMatcher treats as interchangeable (G/J/K/Q, H/K, Ch against S/H/J, D/T, B/P, F/V).
    internal static bool SoundAlike(char a, char b) =>
        (a is 'G' or 'J' or 'K' && b is 'G' or 'J' or 'K') || (a is 'H' or 'K' && b is 'H' or 'K')
        || (a == 'C' && b is 'S' or 'H' or 'J') || (b == 'C' && a is 'S' or 'H' or 'J')
        || (a is 'D' or 'T' && b is 'D' or 'T') || (a is 'B' or 'P' && b is 'B' or 'P') || (a is 'F' or 'V' && b is 'F' or 'V');

    private static Dictionary<string, int[]> Group(NameToken[] tokens, Func<NameToken, string?> key)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < tokens.Length; id++)
        {
            var k = key(tokens[id]);
            if (k is null || k.Length == 0)
            {
                continue;
            }

            if (!groups.TryGetValue(k, out var list))
            {
                list = [];
                groups[k] = list;
            }

            list.Add(id);
        }

        return groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }

    private static KeyGroup[] KeyGroups(NameToken[] tokens, Func<NameToken, bool> include) =>
        Enumerable.Range(0, tokens.Length)
            .Where(id => include(tokens[id]) && tokens[id].PhoneticKey.Length > 0 && tokens[id].Kind != NameTokenKind.Initial)
            .GroupBy(id => tokens[id].PhoneticKey, StringComparer.Ordinal)
            .Select(g => new KeyGroup(g.Key, Mask(g.Key), [.. g]))
            .ToArray();

    private sealed record KeyGroup(string Key, uint Mask, int[] Ids);

    private sealed class Bucket
    {
        public Bucket(int[] ids, NameToken[] tokens)
        {
            Ids = ids;
            FoldedLength = ids.Select(id => (byte)Math.Min(255, tokens[id].Folded.Length)).ToArray();
            TextLength = ids.Select(id => (byte)Math.Min(255, tokens[id].Text.Length)).ToArray();
            FoldedMask = ids.Select(id => Mask(tokens[id].Folded)).ToArray();
            TextMask = ids.Select(id => Mask(tokens[id].Text)).ToArray();
        }

        public int[] Ids { get; }

        public byte[] FoldedLength { get; }

        public byte[] TextLength { get; }

        public uint[] FoldedMask { get; }

        public uint[] TextMask { get; }
    }
}
