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

    private readonly Dictionary<(string Text, NameTokenKind Kind, bool NonLatin), int> ids;

    // The neighbours of each vocabulary part at MinPartSimilarity, filled when first asked for.
    // Written once per slot (a race computes the same array twice), read without locks.
    private readonly (int Id, double Similarity)[]?[] cache;

    private TokenVocabulary(NameToken[] tokens, Dictionary<(string Text, NameTokenKind Kind, bool NonLatin), int> ids)
    {
        this.tokens = tokens;
        this.ids = ids;
        cache = new (int, double)[]?[tokens.Length];
        Letters = tokens.Select(t => (LetterCounts.Of(t.Text), LetterCounts.Of(t.Folded))).ToArray();
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

    public (LetterCounts Text, LetterCounts Folded)[] Letters { get; }

    public NameToken this[int id] => tokens[id];

    public static TokenVocabulary Create(IReadOnlyList<NameToken> distinct, Dictionary<(string Text, NameTokenKind Kind, bool NonLatin), int> ids) => new([.. distinct], ids);

    public int IdOf(NameToken token) => ids.TryGetValue((token.Text, token.Kind, token.FromNonLatinScript), out var id) ? id : -1;

    // Neighbours at MinPartSimilarity, from the cache when the part is in the vocabulary.
    public void Neighbours(NameToken query, List<(int Id, double Similarity)> output, HashSet<int> seen)
    {
        var id = query.Kind is NameTokenKind.Name or NameTokenKind.Title ? IdOf(query) : -1;
        if (id < 0)
        {
            Neighbours(query, MinPartSimilarity, output, seen);
            return;
        }

        var cached = Volatile.Read(ref cache[id]);
        if (cached is null)
        {
            Neighbours(query, MinPartSimilarity, output, seen);
            cached = [.. output];
            Volatile.Write(ref cache[id], cached);
            return;
        }

        output.Clear();
        output.AddRange(cached);
    }

    // The vocabulary parts whose similarity to the query part is at least minSimilarity, with it.
    public void Neighbours(NameToken query, double minSimilarity, List<(int Id, double Similarity)> output, HashSet<int> seen)
    {
        seen.Clear();
        output.Clear();
        if (query.Kind == NameTokenKind.Initial)
        {
            throw new InvalidOperationException("Initials are matched against a name's parts directly.");
        }

        if (query.Kind is NameTokenKind.Particle)
        {
            // A particle pairs with a particle, with the same text or with an initial. Particles
            // are not looked up (AL would select half the list): they weigh 0.15 and are compared
            // per candidate name; only the listed names that are the particle's text alone (EL, a
            // name made only of particles) and initials are returned here.
            foreach (var id in byText.GetValueOrDefault(query.Text) ?? [])
            {
                if (tokens[id].Kind != NameTokenKind.Particle)
                {
                    Check(query, id, minSimilarity, output, seen);
                }
            }

            foreach (var id in initials)
            {
                Check(query, id, minSimilarity, output, seen);
            }

            return;
        }

        Check(query, byText.GetValueOrDefault(query.Text), minSimilarity, output, seen);

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

    // The listed parts that two query parts written together can fit (NameMatcher.MergeToFit):
    // names of five letters or more that start with the first part's folded letter, as long give
    // or take two, aligning at 0.9 or more.
    public void JoinTargets(NameToken joined, char firstFolded, List<(int Id, double Similarity)> output)
    {
        output.Clear();
        if (!IsLetter(firstFolded))
        {
            return;
        }

        var bucket = buckets[firstFolded - 'A'];
        var length = joined.Text.Length;
        var byLength = bucket.ByTextLength;
        var from = LowerBound(bucket.SortedTextLength, length - 2);
        for (var k = from; k < byLength.Length && bucket.SortedTextLength[k] <= length + 2; k++)
        {
            var id = byLength[k];
            var t = tokens[id];
            if (t.Kind != NameTokenKind.Name || t.Text.Length < 5 || t.Text.Length < length - 2 || t.Text.Length > length + 2 || !CouldAlign(joined, t, 0.9))
            {
                continue;
            }

            var similarity = NameMatcher.Similarity(t, joined).Similarity;
            if (similarity >= 0.9)
            {
                output.Add((id, similarity));
            }
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
        var textLetters = LetterCounts.Of(query.Text);
        var foldedLetters = LetterCounts.Of(query.Folded);
        var needed = Math.Min(min, 0.82);
        var typoEdits = min <= 0.87 ? 2 : min <= 0.92 ? 1 : -1;
        var ids = bucket.Ids;
        for (var k = 0; k < ids.Length; k++)
        {
            if (!Plausible(qf, bucket.FoldedLength[k], foldedMask, bucket.FoldedMask[k]) && !Plausible(qt, bucket.TextLength[k], textMask, bucket.TextMask[k]))
            {
                continue;
            }

            // Letters in common bound the Jaro matches and the edit distance (bag distance).
            var vf = bucket.FoldedLength[k];
            var vt = bucket.TextLength[k];
            var commonFolded = foldedLetters.Common(bucket.FoldedLetters[k]);
            var commonText = textLetters.Common(bucket.TextLetters[k]);
            var foldedEdits = Math.Max(qf - commonFolded, vf - commonFolded);
            var textEdits = Math.Max(qt - commonText, vt - commonText);
            var typo = foldedEdits <= typoEdits || textEdits <= typoEdits;
            var matches = Math.Min(commonFolded, Math.Min(qf, vf));
            var jaro = (((double)matches / qf) + ((double)matches / vf) + 1) / 3;
            var jaroWinkler = jaro + (0.4 * (1 - jaro));
            var editsAllowedFolded = (int)Math.Floor(((1.2 - needed) * Math.Max(qf, vf)) + 1e-9);
            var editsAllowedText = (int)Math.Floor(((1.2 - needed) * Math.Max(qt, vt)) + 1e-9);
            var close = jaroWinkler >= needed - 1e-12 && (foldedEdits <= editsAllowedFolded || textEdits <= editsAllowedText);
            if ((typo || close) && CouldAlign(query, tokens[ids[k]], min))
            {
                Check(query, ids[k], min, output, seen);
            }
        }
    }

    // Necessary for the typo, Jaro-Winkler or phonetic scores to reach min: one or two edits, or a
    // Jaro-Winkler (raw, before its caps) and an edit similarity that allow it. The phonetic score
    // is at least 0.9 once the capped Jaro-Winkler reaches 0.82.
    private static bool CouldAlign(NameToken query, NameToken other, double min)
    {
        var needed = Math.Min(min, 0.82);
        var jaroWinkler = StringSimilarity.JaroWinkler(query.Folded, other.Folded);
        if (jaroWinkler >= needed - 1e-12)
        {
            // Jaro-Winkler is capped at the edit similarity + 0.2.
            var allowed = 1 - (needed - 0.2);
            return WithinEdits(query.Folded, other.Folded, allowed) || WithinEdits(query.Text, other.Text, allowed);
        }

        // The typo scores: one edit (0.92) or two (0.87), on the written or the folded form.
        var edits = min <= 0.87 ? 2 : min <= 0.92 ? 1 : 0;
        return edits > 0 && (BoundedEdits(query.Folded, other.Folded, edits) <= edits || BoundedEdits(query.Text, other.Text, edits) <= edits);
    }

    private static bool WithinEdits(string a, string b, double fraction)
    {
        var allowed = (int)Math.Floor((fraction * Math.Max(a.Length, b.Length)) + 1e-9);
        return BoundedEdits(a, b, allowed) <= allowed;
    }

    // The optimal string alignment distance of StringSimilarity.EditDistance when it is at most
    // limit, else more than limit: only a band of 2 × limit + 1 diagonals is computed.
    internal static int BoundedEdits(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        if (a.Length > 64 || b.Length > 64)
        {
            return StringSimilarity.EditDistance(a, b);
        }

        // Three rolling rows (the transposition looks two rows back); cells outside the band are limit + 1.
        var width = b.Length + 1;
        var big = limit + 1;
        Span<int> rows = stackalloc int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var row = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j <= limit ? j : big;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            row.Fill(big);
            row[0] = i <= limit ? i : big;
            var from = Math.Max(1, i - limit);
            var to = Math.Min(b.Length, i + limit);
            var rowMin = row[0];
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                value = Math.Min(value, big);
                row[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return big;
            }

            var spare = before;
            before = previous;
            previous = row;
            row = spare;
        }

        return previous[b.Length];
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

    private static int LowerBound(byte[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
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

    // How many times each letter A–Z occurs, four bits each (a count over 15 makes every bound pass).
    internal readonly record struct LetterCounts(ulong Low, ulong High, bool Saturated)
    {
        public static LetterCounts Of(string s)
        {
            Span<byte> counts = stackalloc byte[26];
            counts.Clear();
            var saturated = false;
            foreach (var c in s)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    saturated |= ++counts[c - 'A'] > 15;
                }
            }

            ulong low = 0, high = 0;
            for (var i = 0; i < 16; i++)
            {
                low |= (ulong)(counts[i] & 15) << (4 * i);
            }

            for (var i = 16; i < 26; i++)
            {
                high |= (ulong)(counts[i] & 15) << (4 * (i - 16));
            }

            return new LetterCounts(low, high, saturated);
        }

        // Letters the two have in common, counted with repeats (an upper bound when saturated).
        public int Common(LetterCounts other)
        {
            if (Saturated || other.Saturated)
            {
                return 64;
            }

            var common = 0;
            ulong a = Low, b = other.Low;
            for (var i = 0; i < 16; i++)
            {
                common += (int)Math.Min(a & 15, b & 15);
                a >>= 4;
                b >>= 4;
            }

            a = High;
            b = other.High;
            for (var i = 0; i < 10; i++)
            {
                common += (int)Math.Min(a & 15, b & 15);
                a >>= 4;
                b >>= 4;
            }

            return common;
        }
    }

    private sealed record KeyGroup(string Key, uint Mask, int[] Ids);

    private sealed class Bucket
    {
        private int[]? byTextLength;
        private byte[]? sortedTextLength;

        public Bucket(int[] ids, NameToken[] tokens)
        {
            Ids = ids;
            Tokens = tokens;
            _ = SortedTextLength;
            FoldedLength = ids.Select(id => (byte)Math.Min(255, tokens[id].Folded.Length)).ToArray();
            TextLength = ids.Select(id => (byte)Math.Min(255, tokens[id].Text.Length)).ToArray();
            FoldedMask = ids.Select(id => Mask(tokens[id].Folded)).ToArray();
            TextMask = ids.Select(id => Mask(tokens[id].Text)).ToArray();
            FoldedLetters = ids.Select(id => LetterCounts.Of(tokens[id].Folded)).ToArray();
            TextLetters = ids.Select(id => LetterCounts.Of(tokens[id].Text)).ToArray();
        }

        public LetterCounts[] FoldedLetters { get; }

        public int[] ByTextLength => byTextLength ??= [.. Ids.OrderBy(id => Tokens[id].Text.Length)];

        public byte[] SortedTextLength => sortedTextLength ??= [.. ByTextLength.Select(id => (byte)Math.Min(255, Tokens[id].Text.Length))];

        private NameToken[] Tokens { get; }

        public LetterCounts[] TextLetters { get; }

        public int[] Ids { get; }

        public byte[] FoldedLength { get; }

        public byte[] TextLength { get; }

        public uint[] FoldedMask { get; }

        public uint[] TextMask { get; }
    }
}
