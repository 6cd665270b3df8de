using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

// Builds the index arrays: names as lists of vocabulary ids, postings from vocabulary id to names,
// and the keys of adjacent parts written together (for names that a query writes as one word).
internal sealed class IndexBuilder
{
    private const int Chunk = 16_384;

    public required IndexedEntry[] Entries { get; init; }

    public required int[] NameEntry { get; init; }

    public required ushort[] NameOrdinal { get; init; }

    public required int[] NameTokenStart { get; init; }

    public required int[] NameTokens { get; init; }

    public required int[] PostingStart { get; init; }

    public required int[] Postings { get; init; }

    public required int[] ShortNames { get; init; }

    // The weight of each name's parts (first twelve) in hundredths: name 100, initial 60, particle 15, title 2.
    public required ushort[] NameWeight { get; init; }

    // For each name, the (first folded letter, length) of every two adjacent parts that
    // NameMatcher.MergeToFit could join, hashed to one bit each (JoinBit).
    public required ulong[] NameJoins { get; init; }

    public required ulong[] JoinKeys { get; init; }

    public required int[] JoinStart { get; init; }

    public required int[] JoinNames { get; init; }

    public required PreparedName[]? Prepared { get; init; }

    public required TokenVocabulary Vocabulary { get; init; }

    public static IndexBuilder Build(IEnumerable<IndexedEntry> source, IProgress<int>? progress, int preparedCacheLimit)
    {
        var entries = source.ToArray();
        var nameCount = 0;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            nameCount += entry.Names.Count;
        }

        var prepared = nameCount <= preparedCacheLimit ? new PreparedName[nameCount] : null;
        var nameEntry = new int[nameCount];
        var nameOrdinal = new ushort[nameCount];
        var nameTokenStart = new int[nameCount + 1];
        var nameWeight = new ushort[nameCount];
        var nameJoins = new ulong[nameCount];
        var nameTokens = new List<int>(nameCount * 3);
        var shortNames = new List<int>();
        var joins = new JoinList();
        var vocabularyIds = new Dictionary<(string Text, NameTokenKind Kind, bool NonLatin), int>();
        var vocabulary = new List<NameToken>();

        var nameId = 0;
        for (var from = 0; from < entries.Length; from += Chunk)
        {
            var to = Math.Min(entries.Length, from + Chunk);
            var chunk = new PreparedName[to - from][];
            Parallel.For(from, to, i => chunk[i - from] = entries[i].Names.Select(n => PreparedName.Of(n.Name ?? string.Empty)).ToArray());
            for (var i = from; i < to; i++)
            {
                var names = chunk[i - from];
                for (var ordinal = 0; ordinal < names.Length; ordinal++)
                {
                    var name = names[ordinal];
                    if (prepared is not null)
                    {
                        prepared[nameId] = name;
                    }

                    nameEntry[nameId] = i;
                    nameOrdinal[nameId] = (ushort)Math.Min(ordinal, ushort.MaxValue);
                    nameTokenStart[nameId] = nameTokens.Count;
                    var count = Math.Min(ScreeningIndex.MaxTokens, name.Tokens.Count);
                    var names1 = 0;
                    var weight = 0;
                    for (var t = 0; t < count; t++)
                    {
                        var token = name.Tokens[t];
                        weight += (int)Math.Round(CandidateSearch.Weight(token) * 100);
                        names1 += token.Kind == NameTokenKind.Name ? 1 : 0;
                        var key = (token.Text, token.Kind, token.FromNonLatinScript);
                        if (!vocabularyIds.TryGetValue(key, out var id))
                        {
                            id = vocabulary.Count;
                            vocabularyIds[key] = id;
                            vocabulary.Add(token);
                        }

                        nameTokens.Add(id);
                        if (t + 1 < count)
                        {
                            var next = name.Tokens[t + 1];
                            if (token.Kind != NameTokenKind.Initial && next.Kind is not NameTokenKind.Initial and not NameTokenKind.Particle)
                            {
                                joins.Add(token.Text + next.Text, nameId);
                                nameJoins[nameId] |= JoinBit(token.Folded[0], token.Text.Length + next.Text.Length);
                            }
                        }
                    }

                    nameWeight[nameId] = (ushort)weight;
                    if (count > 0 && names1 <= 1)
                    {
                        shortNames.Add(nameId);
                    }

                    nameId++;
                }

                chunk[i - from] = [];
            }

            progress?.Report(to);
        }

        nameTokenStart[nameCount] = nameTokens.Count;
        var tokenArray = nameTokens.ToArray();

        var postingStart = new int[vocabulary.Count + 1];
        for (var n = 0; n < nameCount; n++)
        {
            for (var k = nameTokenStart[n]; k < nameTokenStart[n + 1]; k++)
            {
                if (!Repeated(tokenArray, nameTokenStart[n], k))
                {
                    postingStart[tokenArray[k] + 1]++;
                }
            }
        }

        for (var v = 0; v < vocabulary.Count; v++)
        {
            postingStart[v + 1] += postingStart[v];
        }

        var postings = new int[postingStart[vocabulary.Count]];
        var fill = postingStart.ToArray();
        for (var n = 0; n < nameCount; n++)
        {
            for (var k = nameTokenStart[n]; k < nameTokenStart[n + 1]; k++)
            {
                if (!Repeated(tokenArray, nameTokenStart[n], k))
                {
                    postings[fill[tokenArray[k]]++] = n;
                }
            }
        }

        var (joinKeys, joinStart, joinNames) = joins.Build();
        return new IndexBuilder
        {
            Entries = entries,
            NameEntry = nameEntry,
            NameOrdinal = nameOrdinal,
            NameTokenStart = nameTokenStart,
            NameTokens = tokenArray,
            PostingStart = postingStart,
            Postings = postings,
            ShortNames = [.. shortNames],
            NameWeight = nameWeight,
            NameJoins = nameJoins,
            JoinKeys = joinKeys,
            JoinStart = joinStart,
            JoinNames = joinNames,
            Prepared = prepared,
            Vocabulary = TokenVocabulary.Create(vocabulary, vocabularyIds),
        };
    }

    private static bool Repeated(int[] tokens, int start, int at)
    {
        for (var k = start; k < at; k++)
        {
            if (tokens[k] == tokens[at])
            {
                return true;
            }
        }

        return false;
    }

    // Merged parts written with other letters (Oleg Aleksandrovich / Olegaleksandrovich, Ghulam
    // Nabi / Gholamnabi) are found by the first folded letters and the length of the whole.
    internal const int PrefixLength = 5;

    internal static ulong PrefixKey(string folded, int length) => Hash('P', string.Concat(folded.AsSpan(0, PrefixLength), "/", length.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static ulong JoinBit(char firstFolded, int length) => 1UL << (((firstFolded * 7) + length) & 63);

    // 64-bit FNV-1a of a folded or phonetic form, tagged by which it is. A collision only adds a candidate.
    internal static ulong Hash(char tag, string s)
    {
        var hash = 14695981039346656037UL;
        hash = (hash ^ tag) * 1099511628211UL;
        foreach (var c in s)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private sealed class JoinList
    {
        private ulong[] keys = new ulong[1024];
        private int[] names = new int[1024];
        private int count;

        public void Add(string text, int name)
        {
            var folded = NameFolding.Fold(text);
            Append(Hash('F', folded), name);
            if (folded.Length >= PrefixLength)
            {
                Append(PrefixKey(folded, text.Length), name);
            }

            var key = NameFolding.Key(folded);
            if (key.Length >= 2)
            {
                Append(Hash('K', key), name);
            }
        }

        public (ulong[] Keys, int[] Start, int[] Names) Build()
        {
            var k = keys.AsSpan(0, count).ToArray();
            var n = names.AsSpan(0, count).ToArray();
            keys = [];
            names = [];
            Array.Sort(k, n);
            for (int i = 0, j = 0; i < k.Length; i = j)
            {
                for (j = i + 1; j < k.Length && k[j] == k[i]; j++)
                {
                }

                Array.Sort(n, i, j - i);
            }

            var distinct = new List<ulong>();
            var start = new List<int>();
            var output = new List<int>(count);
            for (var i = 0; i < k.Length; i++)
            {
                if (i == 0 || k[i] != k[i - 1])
                {
                    distinct.Add(k[i]);
                    start.Add(output.Count);
                }
                else if (n[i] == output[^1])
                {
                    continue;
                }

                output.Add(n[i]);
            }

            start.Add(output.Count);
            return ([.. distinct], [.. start], [.. output]);
        }

        private void Append(ulong key, int name)
        {
            if (count == keys.Length)
            {
                Array.Resize(ref keys, count * 2);
                Array.Resize(ref names, count * 2);
            }

            keys[count] = key;
            names[count] = name;
            count++;
        }
    }
}
