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
// initial or a merged part is involved, the query has one name part, or the threshold is low.
internal sealed class CandidateSearch
{
    private const ulong PartMask = 0xFFF;
    private const int QueryMergeShift = 12;
    private const int NameMergeShift = 24;
    private const ulong InitialFlag = 1UL << 36;
    private const ulong AddedFlag = 1UL << 37;
    private const int GenerationShift = 38;

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

                var flags = (1UL << i) | (index.Vocabulary[id].Kind == NameTokenKind.Initial ? InitialFlag : 0);
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
                Touch(scratch, index.PostingsOf(id), (3UL << j) << QueryMergeShift, generation);
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

            var flag = (1UL << i) << NameMergeShift;
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
        foreach (var name in scratch.Candidates)
        {
            var bound = Bound(scratch, name, scratch.NameState[name]);
            if (bound >= threshold)
            {
                output.Add((name, bound));
            }
        }

        statistics.Bounded = output.Count;
        statistics.BoundTicks += System.Diagnostics.Stopwatch.GetTimestamp() - joinedAt;
        return output;
    }

    private void Touch(SearchScratch scratch, ReadOnlySpan<int> names, ulong flags, ulong generation)
    {
        statistics.PostingsRead += names.Length;
        var states = scratch.NameState;
        var candidates = scratch.Candidates;
        var gen = scratch.Generation;
        var need = required;
        foreach (var name in names)
        {
            var state = states[name];
            if ((state >> GenerationShift) != gen)
            {
                state = generation;
            }

            state |= flags;
            if ((state & AddedFlag) == 0
                && (BitOperations.PopCount(state & PartMask) >= need || (state & (InitialFlag | (0xFFFFFFUL << QueryMergeShift))) != 0))
            {
                state |= AddedFlag;
                candidates.Add(name);
            }

            states[name] = state;
        }
    }

    private double Bound(SearchScratch scratch, int name, ulong state)
    {
        var parts = index.TokensOf(name);
        var n = tokens.Length;
        Span<double> partCredit = stackalloc double[n];
        Span<bool> nameShared = stackalloc bool[n];
        partCredit.Clear();
        nameShared.Clear();
        double nameWeight = 0, alignable = 0, nameCredit = 0;
        var nameNames = 0;
        var initialPair = false;
        foreach (var id in parts)
        {
            var part = index.Vocabulary[id];
            var weight = Weight(part);
            nameWeight += weight;
            nameNames += part.Kind == NameTokenKind.Name ? 1 : 0;
            double best = 0;
            for (var i = 0; i < n; i++)
            {
                var similarity = scratch.Similarity(id, i, tokens, index.Vocabulary);
                if (similarity < TokenVocabulary.MinPartSimilarity)
                {
                    continue;
                }

                var credit = Credit(similarity);
                best = Math.Max(best, credit);
                partCredit[i] = Math.Max(partCredit[i], credit);
                nameShared[i] |= tokens[i].Kind == NameTokenKind.Name && part.Kind == NameTokenKind.Name;
                initialPair |= tokens[i].Kind == NameTokenKind.Initial || part.Kind == NameTokenKind.Initial;
            }

            alignable += best > 0 ? weight : 0;
            nameCredit += best * weight;
        }

        _ = state;
        var (queryMerged, nameMerged) = Merges(parts);
        var merged = queryMerged | nameMerged;
        double queryWeight = 0, queryCredit = 0, unmatched = 0, queryMergeLoss = 0;
        var shared = 0;
        for (var i = 0; i < n; i++)
        {
            var credit = (merged & (1UL << i)) != 0 ? 1 : partCredit[i];
            queryWeight += weights[i];
            queryCredit += credit * weights[i];
            unmatched += credit > 0 ? 0 : weights[i];
            queryMergeLoss += (queryMerged & (1UL << i)) != 0 ? weights[i] : 0;
            shared += nameShared[i] ? 1 : 0;
        }

        double bound = 0;
        var anyMerge = merged != 0;
        var nameWeightMin = nameWeight - BitOperations.PopCount(nameMerged);
        if (queryWeight - queryMergeLoss <= nameWeight + 1e-9)
        {
            var coverage = queryCredit / queryWeight;
            var penalty = anyMerge ? 1 : Math.Max(0, 1 - (0.05 * Math.Max(0, nameWeight - alignable)));
            bound = Math.Max(bound, coverage * penalty);
        }

        if (nameWeightMin < queryWeight + 1e-9)
        {
            var coverage = anyMerge || nameWeight <= 0 ? 1 : Math.Min(1, nameCredit / nameWeight);
            bound = Math.Max(bound, coverage * Math.Max(0, 1 - (0.05 * unmatched)));
        }

        if (!anyMerge && shared <= 1 && !initialPair && Math.Max(queryNames, nameNames) >= 2)
        {
            bound = Math.Min(bound, 0.7);
        }

        var entry = index.EntryAt(index.EntryOf(name));
        return Math.Min(1, bound + ContextChange(entry)) + Margin;
    }

    // The merges NameMatcher.MergeToFit can make between the query and this name (a necessary
    // condition: the join aligns at 0.9 or more; whether either part alone does is not checked).
    private (ulong Query, ulong Name) Merges(ReadOnlySpan<int> parts)
    {
        ulong queryMerged = 0, nameMerged = 0;
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

                if (NameMatcher.Similarity(target, PreparedName.Join(first, second)).Similarity >= 0.9)
                {
                    nameMerged |= 1UL << i;
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
            foreach (var id in parts)
            {
                var target = vocabulary[id];
                if (target.Kind == NameTokenKind.Name && target.Text.Length >= 5 && target.Text.Length >= length - 2 && target.Text.Length <= length + 2
                    && target.Folded[0] == tokens[j].Folded[0] && NameMatcher.Similarity(target, joined).Similarity >= 0.9)
                {
                    queryMerged |= 3UL << j;
                }
            }
        }

        return (queryMerged, nameMerged);
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
