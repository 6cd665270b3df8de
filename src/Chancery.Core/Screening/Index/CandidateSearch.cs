using System.Numerics;
using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

// One search over the index: the names that can reach the threshold, each with an upper bound of
// its final score. The bound follows NameMatcher.Compare:
//   score = coverage of the shorter name (aligned parts' credit × weight / its weight)
//           × (1 − 0.05 × weight of the longer name's parts left over),
//   capped at 0.7 when only one substantive part is shared (no initial involved) and either name
//   has two or more; a part aligns only at a similarity of 0.78 or more; credit = similarity from
//   0.9 up, similarity − 2 × (0.9 − similarity) below.
// So with the per-part best credit against a listed name (each query part against each of its
// parts, which over-counts a one-to-one alignment), the coverage and the left-over weight are
// bounded. Context (birth date, nationality) adds at most 0.07; the exact change is added per person.
// A name is a candidate only if it shares at least two query name parts (the 0.7 cap), unless an
// initial or a merged part is involved, the query has one name part, or the threshold is low; and
// only if a quick bound from the parts found and the name's weight reaches the threshold. The
// exact bound (the name's parts compared, merges tried) is computed while scoring, best first.
// Not exact: merges of two listed parts written as one query part are found by equal folded form,
// equal phonetic key or equal first five folded letters (plus length); a merge with other spelling
// differences is missed when it is the only way the name reaches the threshold.
internal sealed class CandidateSearch
{
    // A name's state in a search: the query parts found (12 bits), flags, and the search it is from.
    private const uint PartMask = 0xFFF;
    private const uint QueryMergeFlag = 1u << 12;
    private const uint NameMergeFlag = 1u << 13;
    private const uint InitialFlag = 1u << 14;
    private const uint AddedFlag = 1u << 15;
    private const int GenerationShift = 16;

    // Rounding of name and context scores to four decimals.
    private const double Margin = 2e-4;

    private readonly ScreeningIndex index;
    private readonly ScreeningQuery query;
    private readonly double threshold;
    private readonly SearchStatistics statistics;
    private readonly NameToken[] tokens;
    private readonly double[] weights;
    private readonly bool[] generating;
    private readonly bool[] complete;
    private readonly NameToken?[] queryJoins;
    private readonly int queryNames;
    private readonly int queryInitials;
    private readonly double maxContext;
    private readonly int required;

    // Per set of query parts found in a name: the most of the query's weight it can cover (parts
    // not looked up completely, particles and a single initial, count as covered).
    private readonly double[] coverable;
    private readonly double queryWeight100;
    private readonly double needed;
    private readonly double queryWeight;
    private readonly int notLookedUp;
    private readonly int mergeTargets;
    private readonly ulong[] joinBits;
    private readonly double[] missing;

    public CandidateSearch(ScreeningIndex index, PreparedName name, ScreeningQuery query, double threshold, SearchStatistics statistics)
    {
        this.index = index;
        this.query = query;
        this.threshold = threshold;
        this.statistics = statistics;
        tokens = name.Tokens.Take(ScreeningIndex.MaxTokens).ToArray();
        weights = tokens.Select(Weight).ToArray();
        queryNames = tokens.Count(t => t.Kind == NameTokenKind.Name);
        queryInitials = tokens.Count(t => t.Kind == NameTokenKind.Initial);
        maxContext = (query.BirthDate is not null ? 0.05 : 0) + (string.IsNullOrWhiteSpace(query.Nationality) ? 0 : 0.02);
        // Parts whose neighbour list is every vocabulary part they align with: names, titles, and
        // initials when there are two (an initial's list is a whole letter). Particles look up only
        // listed names that are the particle alone; one initial is handled by the short names.
        complete = tokens.Select(t => t.Kind is NameTokenKind.Name or NameTokenKind.Title || (t.Kind == NameTokenKind.Initial && queryInitials >= 2)).ToArray();
        generating = tokens.Select((t, i) => complete[i] || t.Kind == NameTokenKind.Particle).ToArray();
        queryJoins = new NameToken?[tokens.Length];
        for (var j = 0; j + 1 < tokens.Length; j++)
        {
            if (tokens[j].Kind != NameTokenKind.Initial && tokens[j + 1].Kind is not NameTokenKind.Initial and not NameTokenKind.Particle)
            {
                queryJoins[j] = PreparedName.Join(tokens[j], tokens[j + 1]);
            }
        }

        // Below this a name of one shared part (capped at 0.7) could be a hit.
        var capBlocks = 0.7 + maxContext + Margin < threshold;
        required = capBlocks && queryNames >= 2 && queryInitials == 0 ? 2 : 1;

        // Names that share only particles score at most 0.62; with a lower threshold, or a query
        // without a name part, every name is scored.
        CanUseIndex = threshold - maxContext - Margin > 0.64 && queryNames > 0;

        // A name at least as heavy as the query is scored on the query's coverage (below the
        // threshold unless enough of it is found); a lighter one on its own (then two parts do).
        needed = threshold - maxContext - Margin;
        var always = 0.0;
        var total = 0.0;
        for (var i = 0; i < tokens.Length; i++)
        {
            total += weights[i];
            always += complete[i] ? 0 : weights[i];
        }

        queryWeight100 = Math.Round(total * 100);
        queryWeight = total;
        notLookedUp = complete.Count(c => !c);
        joinBits = new ulong[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            mergeTargets |= tokens[i].Kind == NameTokenKind.Name && tokens[i].Text.Length >= 5 ? 1 << i : 0;
            for (var length = tokens[i].Text.Length - 2; length <= tokens[i].Text.Length + 2; length++)
            {
                joinBits[i] |= IndexBuilder.JoinBit(tokens[i].Folded[0], length);
            }
        }
        missing = new double[1 << tokens.Length];
        for (var mask = 0; mask < missing.Length; mask++)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                missing[mask] += complete[i] && (mask & (1 << i)) == 0 ? weights[i] : 0;
            }
        }
        coverable = new double[1 << tokens.Length];
        for (var mask = 1; mask < coverable.Length; mask++)
        {
            var low = BitOperations.TrailingZeroCount(mask);
            coverable[mask] = coverable[mask & (mask - 1)] + (complete[low] ? weights[low] : 0);
        }

        for (var mask = 0; mask < coverable.Length; mask++)
        {
            coverable[mask] = (coverable[mask] + always) / total;
        }
    }

    public bool CanUseIndex { get; }

    public List<(int Name, double Bound)> Run()
    {
        var scratch = SearchScratch.For(index);
        scratch.Begin(tokens.Length, complete);
        var generation = scratch.Generation << GenerationShift;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        for (var i = 0; i < tokens.Length; i++)
        {
            if (!generating[i])
            {
                continue;
            }

            if (tokens[i].Kind == NameTokenKind.Initial)
            {
                index.Vocabulary.InitialNeighbours(tokens[i], scratch.Neighbours);
            }
            else
            {
                index.Vocabulary.Neighbours(tokens[i], scratch.Neighbours, scratch.Seen);
            }

            statistics.Neighbours += scratch.Neighbours.Count;
            foreach (var (id, similarity) in scratch.Neighbours)
            {
                if (complete[i])
                {
                    scratch.SetSimilarity(id, i, similarity);
                }

                var flags = (1u << i) | (index.Vocabulary[id].Kind == NameTokenKind.Initial ? InitialFlag : 0);
                Touch(scratch, index.PostingsOf(id), flags, generation);
            }
        }

        var neighboured = System.Diagnostics.Stopwatch.GetTimestamp();
        statistics.NeighbourTicks += neighboured - started;

        // Two query parts written as one in a listed name (Abu Bakr / Abubakr).
        for (var j = 0; j + 1 < tokens.Length; j++)
        {
            var first = tokens[j];
            if (queryJoins[j] is not { } joined)
            {
                continue;
            }

            index.Vocabulary.JoinTargets(joined, first.Folded[0], scratch.Neighbours);
            foreach (var (id, _) in scratch.Neighbours)
            {
                Touch(scratch, index.PostingsOf(id), QueryMergeFlag, generation);
            }
        }

        // A query part written as two in a listed name (Abubakr / Abu Bakr): keys of adjacent parts joined.
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind != NameTokenKind.Name || token.Text.Length < 5)
            {
                continue;
            }

            var flag = NameMergeFlag;
            Touch(scratch, index.JoinedPostings(IndexBuilder.Hash('F', token.Folded)), flag, generation);
            if (token.PhoneticKey.Length >= 2)
            {
                Touch(scratch, index.JoinedPostings(IndexBuilder.Hash('K', token.PhoneticKey)), flag, generation);
            }

            if (token.Text.Length >= 7 && token.Folded.Length >= IndexBuilder.PrefixLength)
            {
                for (var length = token.Text.Length - 2; length <= token.Text.Length + 2; length++)
                {
                    Touch(scratch, index.JoinedPostings(IndexBuilder.PrefixKey(token.Folded, length)), flag, generation);
                }
            }
        }

        // One query initial can make a hit of a listed name with one name part (M. Hassan / Mustafa).
        if (queryInitials == 1 && required == 1)
        {
            foreach (var name in index.ShortNames)
            {
                var state = scratch.NameState[name];
                if ((state >> GenerationShift) != scratch.Generation)
                {
                    state = generation;
                }

                if ((state & AddedFlag) == 0)
                {
                    scratch.NameState[name] = state | AddedFlag;
                    scratch.Candidates.Add(name);
                }
            }
        }

        var joinedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        statistics.JoinTicks += joinedAt - neighboured;
        statistics.Candidates = scratch.Candidates.Count;
        var output = new List<(int, double)>();
        var weights100 = index.NameWeights;
        foreach (var name in scratch.Candidates)
        {
            var bound = QuickBound(scratch.NameState[name], weights100[name] / 100.0, index.NameJoins[name]);
            if (bound >= threshold)
            {
                output.Add((name, bound));
            }
        }


        statistics.BoundTicks += System.Diagnostics.Stopwatch.GetTimestamp() - joinedAt;
        return output;
    }

    private void Touch(SearchScratch scratch, ReadOnlySpan<int> names, uint flags, uint generation)
    {
        statistics.PostingsRead += names.Length;
        var states = scratch.NameState;
        var candidates = scratch.Candidates;
        var gen = scratch.Generation;
        var need = required;
        var weights100 = index.NameWeights;
        var nameJoins = index.NameJoins;
        foreach (var name in names)
        {
            var state = states[name];
            if ((state >> GenerationShift) != gen)
            {
                state = generation;
            }

            state |= flags;
            if ((state & AddedFlag) == 0
                && ((BitOperations.PopCount(state & PartMask) >= need && QuickBound(state, weights100[name] / 100.0, nameJoins[name]) >= threshold)
                    || (state & (InitialFlag | QueryMergeFlag | NameMergeFlag)) != 0))
            {
                state |= AddedFlag;
                candidates.Add(name);
            }

            states[name] = state;
        }
    }

    // A first bound from what candidate generation saw (the query parts found, the name's
    // weight) before the name's parts are read: the coverage of the query, less 0.05 for each
    // unit of the name's weight beyond what the found parts can align; or, for a lighter name,
    // 1 less 0.05 for each query part not found. Merges: no bound.
    private double QuickBound(uint state, double nameWeight, ulong nameJoins)
    {
        if ((state & (QueryMergeFlag | NameMergeFlag)) != 0)
        {
            return 1 + maxContext + Margin;
        }

        // Two of the name's parts written as one query part (a merge that candidate generation
        // did not see) cover one more part of five letters or more and make the name lighter.
        var mask = (int)(state & PartMask);
        var bound = QuickBound(mask, nameWeight);
        var unseen = mergeTargets & ~mask;
        for (var i = 0; unseen != 0 && i < tokens.Length; i++)
        {
            if ((unseen & (1 << i)) != 0 && (nameJoins & joinBits[i]) != 0)
            {
                bound = Math.Max(bound, QuickBound(mask | (1 << i), Math.Max(0, nameWeight - 1)));
                break;
            }
        }

        return Math.Min(1, bound + maxContext) + Margin;
    }

    private double QuickBound(int mask, double nameWeight)
    {
        double bound = 0;
        var alignable = BitOperations.PopCount((uint)mask) + notLookedUp;
        if (nameWeight >= queryWeight - 1e-9)
        {
            bound = coverable[mask] * Math.Max(0, 1 - (0.05 * Math.Max(0, nameWeight - alignable)));
        }

        if (nameWeight <= queryWeight + 1e-9)
        {
            // Each found query part aligns with at most one of the name's parts, of weight 1 at most.
            var coverage = nameWeight <= 0 ? 1 : Math.Min(1, alignable / nameWeight);
            bound = Math.Max(bound, coverage * Math.Max(0, 1 - (0.05 * missing[mask])));
        }

        return bound;
    }

    // The exact bound of CandidateSearch's header, after the name's parts are compared.
    public double Bound(int name)
    {
        var scratch = SearchScratch.For(index);
        return Bound(scratch, name);
    }

    private double Bound(SearchScratch scratch, int name)
    {
        var parts = index.TokensOf(name);
        var merges = Merges(parts);
        double bound;
        if (merges.Count == 0)
        {
            bound = Bound(scratch, parts, []);
        }
        else if (merges.Count > 3)
        {
            bound = 1;
        }
        else
        {
            // MergeToFit merges or not: the bound is the best over the possible sets of merges
            // (merges that share a part exclude each other).
            bound = 0;
            var chosen = new List<Merge>(merges.Count);
            for (var set = 0; set < 1 << merges.Count; set++)
            {
                chosen.Clear();
                for (var k = 0; k < merges.Count; k++)
                {
                    if ((set & (1 << k)) != 0)
                    {
                        chosen.Add(merges[k]);
                    }
                }

                if (!Overlap(chosen))
                {
                    bound = Math.Max(bound, Bound(scratch, parts, chosen));
                }
            }
        }

        var entry = index.EntryAt(index.EntryOf(name));
        return Math.Min(1, bound + ContextChange(entry)) + Margin;
    }

    private static bool Overlap(List<Merge> chosen)
    {
        ulong query = 0, name = 0;
        foreach (var merge in chosen)
        {
            var (q, n) = merge.QuerySide ? (3UL << merge.Query, 1UL << merge.Name) : (1UL << merge.Query, 3UL << merge.Name);
            if ((query & q) != 0 || (name & n) != 0)
            {
                return true;
            }

            query |= q;
            name |= n;
        }

        return false;
    }

    // The bound of the header for one arrangement of the parts: the query's and the name's parts
    // with the chosen merges applied (a merged part is a name of weight 1).
    private double Bound(SearchScratch scratch, ReadOnlySpan<int> parts, List<Merge> chosen)
    {
        var vocabulary = index.Vocabulary;
        Span<int> queryAt = stackalloc int[tokens.Length];
        Span<int> nameAt = stackalloc int[parts.Length];
        var n = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var merged = chosen.FindIndex(c => c.QuerySide && (c.Query == i || c.Query + 1 == i));
            if (merged >= 0 && chosen[merged].Query + 1 == i)
            {
                continue;
            }

            queryAt[n++] = merged >= 0 ? -1 - merged : i;
        }

        var m = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            var merged = chosen.FindIndex(c => !c.QuerySide && (c.Name == k || c.Name + 1 == k));
            if (merged >= 0 && chosen[merged].Name + 1 == k)
            {
                continue;
            }

            nameAt[m++] = merged >= 0 ? -1 - merged : k;
        }

        Span<double> partCredit = stackalloc double[n];
        Span<bool> nameShared = stackalloc bool[n];
        partCredit.Clear();
        nameShared.Clear();
        double queryWeight = 0, nameWeight = 0, alignable = 0, nameCredit = 0, queryCredit = 0, unmatched = 0;
        int queryNameParts = 0, nameNameParts = 0, shared = 0;
        var initialPair = false;
        for (var i = 0; i < n; i++)
        {
            var kind = queryAt[i] >= 0 ? tokens[queryAt[i]].Kind : NameTokenKind.Name;
            queryWeight += queryAt[i] >= 0 ? weights[queryAt[i]] : 1;
            queryNameParts += kind == NameTokenKind.Name ? 1 : 0;
        }

        for (var k = 0; k < m; k++)
        {
            var part = nameAt[k] >= 0 ? vocabulary[parts[nameAt[k]]] : chosen[-1 - nameAt[k]].Joined;
            var kind = nameAt[k] >= 0 ? part.Kind : NameTokenKind.Name;
            var weight = nameAt[k] >= 0 ? Weight(part) : 1;
            nameWeight += weight;
            nameNameParts += kind == NameTokenKind.Name ? 1 : 0;
            double best = 0;
            for (var i = 0; i < n; i++)
            {
                double similarity;
                NameTokenKind queryKind;
                if (queryAt[i] >= 0 && nameAt[k] >= 0)
                {
                    similarity = scratch.Similarity(parts[nameAt[k]], queryAt[i], tokens, vocabulary);
                    queryKind = tokens[queryAt[i]].Kind;
                }
                else
                {
                    var queryPart = queryAt[i] >= 0 ? tokens[queryAt[i]] : chosen[-1 - queryAt[i]].Joined;
                    similarity = NameMatcher.Similarity(queryPart, part).Similarity;
                    queryKind = queryAt[i] >= 0 ? queryPart.Kind : NameTokenKind.Name;
                }

                if (similarity < TokenVocabulary.MinPartSimilarity)
                {
                    continue;
                }

                var credit = Credit(similarity);
                best = Math.Max(best, credit);
                partCredit[i] = Math.Max(partCredit[i], credit);
                nameShared[i] |= queryKind == NameTokenKind.Name && kind == NameTokenKind.Name;
                initialPair |= queryKind == NameTokenKind.Initial || kind == NameTokenKind.Initial;
            }

            alignable += best > 0 ? weight : 0;
            nameCredit += best * weight;
        }

        for (var i = 0; i < n; i++)
        {
            var weight = queryAt[i] >= 0 ? weights[queryAt[i]] : 1;
            queryCredit += partCredit[i] * weight;
            unmatched += partCredit[i] > 0 ? 0 : weight;
            shared += nameShared[i] ? 1 : 0;
        }

        double bound = 0;
        if (queryWeight <= nameWeight + 1e-9)
        {
            var penalty = Math.Max(0, 1 - (0.05 * Math.Max(0, nameWeight - alignable)));
            bound = Math.Max(bound, queryCredit / queryWeight * penalty);
        }

        if (nameWeight < queryWeight + 1e-9)
        {
            var coverage = nameWeight <= 0 ? 1 : Math.Min(1, nameCredit / nameWeight);
            bound = Math.Max(bound, coverage * Math.Max(0, 1 - (0.05 * unmatched)));
        }

        if (shared <= 1 && !initialPair && Math.Max(queryNameParts, nameNameParts) >= 2)
        {
            bound = Math.Min(bound, 0.7);
        }

        return bound;
    }

    private sealed record Merge(bool QuerySide, int Query, int Name, NameToken Joined);

    // The merges NameMatcher.MergeToFit can make between the query and this name (a necessary
    // condition: the join aligns at 0.9 or more; whether either part alone does is not checked).
    private List<Merge> Merges(ReadOnlySpan<int> parts)
    {
        List<Merge>? merges = null;
        var vocabulary = index.Vocabulary;
        for (var i = 0; i < tokens.Length; i++)
        {
            var target = tokens[i];
            if (target.Kind != NameTokenKind.Name || target.Text.Length < 5)
            {
                continue;
            }

            for (var k = 0; k + 1 < parts.Length; k++)
            {
                var first = vocabulary[parts[k]];
                var second = vocabulary[parts[k + 1]];
                var length = first.Text.Length + second.Text.Length;
                if (first.Kind == NameTokenKind.Initial || second.Kind is NameTokenKind.Initial or NameTokenKind.Particle
                    || target.Text.Length < length - 2 || target.Text.Length > length + 2 || target.Folded[0] != first.Folded[0])
                {
                    continue;
                }

                var joined = PreparedName.Join(first, second);
                if (NameMatcher.Similarity(target, joined).Similarity >= 0.9)
                {
                    (merges ??= []).Add(new Merge(false, i, k, joined));
                }
            }
        }

        for (var j = 0; j < queryJoins.Length; j++)
        {
            if (queryJoins[j] is not { } joined)
            {
                continue;
            }

            var length = joined.Text.Length;
            for (var k = 0; k < parts.Length; k++)
            {
                var target = vocabulary[parts[k]];
                if (target.Kind == NameTokenKind.Name && target.Text.Length >= 5 && target.Text.Length >= length - 2 && target.Text.Length <= length + 2
                    && target.Folded[0] == tokens[j].Folded[0] && NameMatcher.Similarity(target, joined).Similarity >= 0.9)
                {
                    (merges ??= []).Add(new Merge(true, j, k, joined));
                }
            }
        }

        return merges ?? [];
    }

    // The most that ScoreWithContext can add for this person (it can also subtract).
    private double ContextChange(IndexedEntry entry)
    {
        if (maxContext == 0)
        {
            return 0;
        }

        double change = 0;
        if (query.BirthDate is { } birth && entry.BirthDates.Count > 0)
        {
            var exact = false;
            var sameYear = false;
            var nearest = int.MaxValue;
            foreach (var listed in entry.BirthDates)
            {
                nearest = Math.Min(nearest, Math.Abs(listed.Year - birth.Year));
                if (listed.Year == birth.Year)
                {
                    var monthAgrees = listed.Month is null || birth.Month is null || listed.Month == birth.Month;
                    var dayAgrees = listed.Day is null || birth.Day is null || listed.Day == birth.Day;
                    sameYear |= monthAgrees && dayAgrees;
                    exact |= birth.IsFull && listed.IsFull && monthAgrees && dayAgrees;
                }
            }

            change += exact ? 0.05 : sameYear ? 0.02 : nearest > 2 ? -0.15 : 0;
        }

        if (!string.IsNullOrWhiteSpace(query.Nationality) && entry.Nationalities.Count > 0)
        {
            var wanted = query.Nationality.Trim();
            var match = false;
            foreach (var nationality in entry.Nationalities)
            {
                match |= string.Equals(nationality.Trim(), wanted, StringComparison.OrdinalIgnoreCase);
            }

            change += match ? 0.02 : -0.05;
        }

        return change;
    }

    internal static double Credit(double similarity) => similarity >= 0.9 ? similarity : similarity - (2 * (0.9 - similarity));

    internal static double Weight(NameToken token) => token.Kind switch
    {
        NameTokenKind.Particle => 0.15,
        NameTokenKind.Title => 0.02,
        NameTokenKind.Initial => 0.6,
        _ => 1.0,
    };
}
