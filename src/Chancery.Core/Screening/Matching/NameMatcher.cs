using System.Globalization;

namespace Chancery.Core.Screening.Matching;

/// <summary>
/// Compares two person names part by part and explains the score. Pure and thread-safe.
/// </summary>
public static class NameMatcher
{
    // Below this a pair of parts is not aligned at all.
    private const double MinPartSimilarity = 0.78;

    // Each substantive part of the longer name that has no counterpart costs this much.
    private const double MissingPartPenalty = 0.05;

    // A name that shares only one substantive part with a longer one is never a hit on its own.
    private const double SinglePartCap = 0.7;

    private const int MaxTokens = 12;

    // "HASSAN, Ali" and "ALI, Hassan" name different people when both say which part is the family name.
    private const double SwappedFactor = 0.75;

    // Aligned parts that are only somewhat alike (Amer/Samer) count for less than their similarity.
    private const double StrongPart = 0.9;

    public static NameComparison Compare(string first, string second) =>
        Compare(PreparedName.Of(first), PreparedName.Of(second));

    public static NameComparison Compare(PreparedName first, PreparedName second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = Limit(first.Tokens);
        var b = Limit(second.Tokens);
        if (a.Count == 0 || b.Count == 0)
        {
            return new NameComparison(0, [], ["a name has no letters to compare"]);
        }

        b = MergeToFit(a, b);
        a = MergeToFit(b, a);

        var n = a.Count;
        var m = b.Count;
        Span<double> sims = stackalloc double[n * m];
        Span<byte> rules = stackalloc byte[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var (sim, rule) = Similarity(a[i], b[j]);
                sims[(i * m) + j] = sim;
                rules[(i * m) + j] = (byte)rule;
            }
        }

        Span<int> assigned = stackalloc int[n];
        Align(a, b, sims, assigned);

        double aWeight = 0, bWeight = 0, aMatched = 0, bMatched = 0;
        var aNames = 0;
        var bNames = 0;
        var sharedNames = 0;
        var initialsMatched = 0;
        Span<bool> bUsed = stackalloc bool[m];
        var alignments = new List<TokenAlignment>(n);
        for (var i = 0; i < n; i++)
        {
            aWeight += a[i].Weight;
            aNames += a[i].Kind == NameTokenKind.Name ? 1 : 0;
            var j = assigned[i];
            if (j < 0)
            {
                continue;
            }

            bUsed[j] = true;
            var sim = sims[(i * m) + j];
            var credit = sim >= StrongPart ? sim : sim - (2 * (StrongPart - sim));
            aMatched += credit * a[i].Weight;
            bMatched += credit * b[j].Weight;
            sharedNames += a[i].Kind == NameTokenKind.Name && b[j].Kind == NameTokenKind.Name ? 1 : 0;
            initialsMatched += a[i].Kind == NameTokenKind.Initial || b[j].Kind == NameTokenKind.Initial ? 1 : 0;
            var rule = (MatchRule)rules[(i * m) + j];
            if (rule == MatchRule.Exact && (a[i].Merged || b[j].Merged))
            {
                rule = MatchRule.Merged;
            }

            alignments.Add(new TokenAlignment(a[i].Original, b[j].Original, Math.Round(sim, 3), rule));
        }

        for (var j = 0; j < m; j++)
        {
            bWeight += b[j].Weight;
            bNames += b[j].Kind == NameTokenKind.Name ? 1 : 0;
        }

        // Coverage of the shorter name, less a little for each part the longer name has beyond it.
        var aCoverage = aMatched / aWeight;
        var bCoverage = bMatched / bWeight;
        var shorterIsA = aWeight <= bWeight;
        var coverage = shorterIsA ? aCoverage : bCoverage;
        double missing = 0;
        if (shorterIsA)
        {
            for (var j = 0; j < m; j++)
            {
                missing += bUsed[j] ? 0 : b[j].Weight;
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                missing += assigned[i] >= 0 ? 0 : a[i].Weight;
            }
        }

        var score = coverage * Math.Max(0, 1 - (MissingPartPenalty * missing));
        var swapped = Swapped(a, b, assigned);
        if (swapped)
        {
            score *= SwappedFactor;
        }

        var reasons = new List<string>(alignments.Count + 4);
        var capped = sharedNames <= 1 && initialsMatched == 0 && Math.Max(aNames, bNames) >= 2 && score > SinglePartCap;
        if (capped)
        {
            score = SinglePartCap;
        }

        score = Math.Clamp(score, 0, 1);
        foreach (var alignment in alignments)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{alignment.First} ~ {alignment.Second}: {Describe(alignment.Rule)} ({alignment.Similarity:0.00})"));
        }

        for (var i = 0; i < n; i++)
        {
            if (assigned[i] < 0)
            {
                reasons.Add(Unmatched(a[i], "first"));
            }
        }

        for (var j = 0; j < m; j++)
        {
            if (!bUsed[j])
            {
                reasons.Add(Unmatched(b[j], "second"));
            }
        }

        if (IsReordered(assigned))
        {
            reasons.Add("word order differs");
        }

        if (capped)
        {
            reasons.Add("only one name part in common");
        }

        if (swapped)
        {
            reasons.Add("family and given names swapped (both names give the family name before a comma)");
        }

        return new NameComparison(Math.Round(score, 4), alignments, reasons);
    }

    /// <summary>
    /// Raises or lowers a name score with what else is known: an exact birth date raises it, a
    /// birth year more than two years from every listed one lowers it; a shared nationality
    /// raises it a little, a different one lowers it a little (people change and hold several).
    /// Missing data changes nothing.
    /// </summary>
    public static ContextualScore ScoreWithContext(
        double nameScore,
        BirthDate? queryBirthDate,
        IReadOnlyCollection<BirthDate> entryBirthDates,
        string? queryNationality,
        IReadOnlyCollection<string> entryNationalities)
    {
        ArgumentNullException.ThrowIfNull(entryBirthDates);
        ArgumentNullException.ThrowIfNull(entryNationalities);
        var score = nameScore;
        var reasons = new List<string>(2);
        if (queryBirthDate is { } query && entryBirthDates.Count > 0)
        {
            var exact = false;
            var sameYear = false;
            var nearest = int.MaxValue;
            foreach (var listed in entryBirthDates)
            {
                nearest = Math.Min(nearest, Math.Abs(listed.Year - query.Year));
                if (listed.Year == query.Year)
                {
                    var monthAgrees = listed.Month is null || query.Month is null || listed.Month == query.Month;
                    var dayAgrees = listed.Day is null || query.Day is null || listed.Day == query.Day;
                    sameYear |= monthAgrees && dayAgrees;
                    exact |= query.IsFull && listed.IsFull && monthAgrees && dayAgrees;
                }
            }

            if (exact)
            {
                score += 0.05;
                reasons.Add("birth date matches exactly (+0.05)");
            }
            else if (sameYear)
            {
                score += 0.02;
                reasons.Add("birth date agrees as far as known (+0.02)");
            }
            else if (nearest > 2)
            {
                score -= 0.15;
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"birth year differs by {nearest} years (-0.15)"));
            }
            else
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"birth date within {nearest} years (±0)"));
            }
        }

        if (!string.IsNullOrWhiteSpace(queryNationality) && entryNationalities.Count > 0)
        {
            var match = entryNationalities.Any(n => string.Equals(n.Trim(), queryNationality.Trim(), StringComparison.OrdinalIgnoreCase));
            score += match ? 0.02 : -0.05;
            reasons.Add(match ? "nationality matches (+0.02)" : "nationality differs (-0.05)");
        }

        return new ContextualScore(Math.Round(Math.Clamp(score, 0, 1), 4), reasons);
    }

    internal static (double Similarity, MatchRule Rule) Similarity(NameToken a, NameToken b)
    {
        if (a.Kind == NameTokenKind.Initial || b.Kind == NameTokenKind.Initial)
        {
            if (a.Text[0] != b.Text[0] && a.Folded[0] != b.Folded[0])
            {
                return (0, MatchRule.Initial);
            }

            return a.Kind == b.Kind ? (1, MatchRule.Exact) : (0.9, MatchRule.Initial);
        }

        if (string.Equals(a.Text, b.Text, StringComparison.Ordinal))
        {
            var rule = a.FromNonLatinScript != b.FromNonLatinScript ? MatchRule.OriginalScript
                : string.Equals(a.Original, b.Original, StringComparison.OrdinalIgnoreCase) || a.Merged || b.Merged ? MatchRule.Exact
                : SameLetters(a.Original, b.Original) ? MatchRule.Exact
                : Ascii(a.Original) && Ascii(b.Original) ? MatchRule.Transliteration
                : MatchRule.Diacritics;
            return (1, rule);
        }

        // A particle pairs with a name only when written the same (Ali is not al).
        if ((a.Kind == NameTokenKind.Particle) != (b.Kind == NameTokenKind.Particle))
        {
            return (0, MatchRule.Typo);
        }

        var nonLatin = a.FromNonLatinScript || b.FromNonLatinScript;
        if (string.Equals(a.Folded, b.Folded, StringComparison.Ordinal))
        {
            return (0.96, nonLatin ? MatchRule.OriginalScript : MatchRule.Transliteration);
        }

        if (AttachedParticle(a.Text, b.Text) || AttachedParticle(b.Text, a.Text))
        {
            return (0.95, MatchRule.ParticleAttached);
        }

        var shortNames = Math.Min(a.Text.Length, b.Text.Length) <= 4;
        var keysEqual = a.PhoneticKey.Length >= 2 && string.Equals(a.PhoneticKey, b.PhoneticKey, StringComparison.Ordinal);
        var jw = StringSimilarity.JaroWinkler(a.Folded, b.Folded);
        // Edits are counted on the written and on the folded forms, whichever is fewer: a
        // romanisation difference is not a typo, and folding can hide a real letter (Lilia/Liia).
        var minLength = Math.Min(a.Text.Length, b.Text.Length);
        var edits = Math.Min(StringSimilarity.EditDistance(a.Text, b.Text), StringSimilarity.EditDistance(a.Folded, b.Folded));
        var editSimilarity = Math.Max(
            1 - ((double)StringSimilarity.EditDistance(a.Text, b.Text) / Math.Max(a.Text.Length, b.Text.Length)),
            1 - ((double)StringSimilarity.EditDistance(a.Folded, b.Folded) / Math.Max(a.Folded.Length, b.Folded.Length)));
        if (minLength <= 4)
        {
            // Jaro-Winkler is generous to short strings sharing a prefix (Ali/Ala).
            jw = Math.Min(jw, editSimilarity + 0.1);
        }

        // Typos rarely touch the first letter; names that differ there are usually other names
        // (Amer/Samer, Dongming/Mingming). Letters romanisations swap at the start do not count
        // (Gamal/Jamal, Tahir/Dahir, Qasim/Kasim).
        var sameStart = a.Folded[0] == b.Folded[0] || a.Text[0] == b.Text[0] || SoundAlike(a.Folded[0], b.Folded[0]) || keysEqual;
        if (!sameStart)
        {
            jw = Math.Min(jw, editSimilarity - 0.05);
        }

        // Jaro-Winkler rewards a shared prefix even when the rest differs (Sergei/Serafimovich,
        // Aleksey/Aleksandr).
        jw = Math.Min(jw, editSimilarity + 0.2);

        var typo = !sameStart ? 0 : edits == 1 && minLength >= 4 ? 0.92 : edits == 2 && minLength >= 7 ? 0.87 : 0;
        var best = Math.Max(jw, typo);
        if (nonLatin)
        {
            // Arabic script writes no short vowels: compare consonant skeletons.
            var keySimilarity = keysEqual ? 0.95 : StringSimilarity.JaroWinkler(a.PhoneticKey, b.PhoneticKey) * 0.9;
            return keySimilarity >= best ? (keySimilarity, MatchRule.OriginalScript) : (best, MatchRule.OriginalScript);
        }

        // Short names with the same consonants can still be different names (Rima/Rami).
        // Names from one root share a skeleton (Mahmoud/Mohammad): the spelling must be close too.
        if (keysEqual && jw >= 0.82 && (!shortNames || StringSimilarity.EditDistance(a.Folded, b.Folded) <= 1))
        {
            var phonetic = 0.9 + (0.05 * Math.Clamp((jw - 0.75) / 0.25, 0, 1));
            return (Math.Max(phonetic, best), MatchRule.Phonetic);
        }

        return (best, best >= 0.97 ? MatchRule.Transliteration : MatchRule.Typo);
    }

    // Folded first letters that romanisations write for one sound: G/J/K/Q (Gamal/Jamal, Qalaf/
    // Kalaf), H/K (Khalaf/Qalaf), C (Ch: Ч, Ш or Х) against S, H and J (Chadaev/Shadayev,
    // Chorschewa/Khorsheva), D/T, B/P, F/V.
    private static bool SoundAlike(char a, char b) =>
        (a is 'G' or 'J' or 'K' && b is 'G' or 'J' or 'K') || (a is 'H' or 'K' && b is 'H' or 'K')
        || (a == 'C' && b is 'S' or 'H' or 'J') || (b == 'C' && a is 'S' or 'H' or 'J')
        || (a is 'D' or 'T' && b is 'D' or 'T') || (a is 'B' or 'P' && b is 'B' or 'P') || (a is 'F' or 'V' && b is 'F' or 'V');

    private static bool Ascii(string s)
    {
        foreach (var c in s)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameLetters(string a, string b)
    {
        // Same letters once punctuation is ignored ("Al-Qaida" and "AL QAIDA" are exact).
        var i = 0;
        var j = 0;
        while (true)
        {
            while (i < a.Length && !char.IsLetter(a[i]))
            {
                i++;
            }

            while (j < b.Length && !char.IsLetter(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToUpperInvariant(a[i]) != char.ToUpperInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static bool AttachedParticle(string joined, string bare) =>
        joined.Length == bare.Length + 2 && bare.Length >= 3
        && (joined.StartsWith("AL", StringComparison.Ordinal) || joined.StartsWith("EL", StringComparison.Ordinal) || joined.StartsWith("UL", StringComparison.Ordinal))
        && joined.AsSpan(2).SequenceEqual(bare);

    private static IReadOnlyList<NameToken> Limit(IReadOnlyList<NameToken> tokens) =>
        tokens.Count <= MaxTokens ? tokens : tokens.Take(MaxTokens).ToArray();

    // Parts written as one word on one side and as two on the other (Abu Bakr/Abubakr,
    // Al Qaida/Alqaida, Kim Jong Un/Kim Jongun): join the two when the join matches a part
    // of the other name and neither part alone does.
    private static IReadOnlyList<NameToken> MergeToFit(IReadOnlyList<NameToken> other, IReadOnlyList<NameToken> tokens)
    {
        if (tokens.Count < 2 || tokens.Count > MaxTokens)
        {
            return tokens;
        }

        List<NameToken>? merged = null;
        var source = tokens;
        for (var j = 0; j + 1 < source.Count; j++)
        {
            var length = source[j].Text.Length + source[j + 1].Text.Length;
            if (source[j].Kind == NameTokenKind.Initial || source[j + 1].Kind is NameTokenKind.Initial or NameTokenKind.Particle)
            {
                continue;
            }

            foreach (var target in other)
            {
                if (target.Text.Length < length - 2 || target.Text.Length > length + 2 || target.Text.Length < 5)
                {
                    continue;
                }

                if (target.Folded[0] != source[j].Folded[0] || target.Kind != NameTokenKind.Name)
                {
                    continue;
                }

                if (string.Equals(target.Text, source[j].Text, StringComparison.Ordinal) || string.Equals(target.Text, source[j + 1].Text, StringComparison.Ordinal))
                {
                    continue;
                }

                var join = PreparedName.Join(source[j], source[j + 1]);
                var (sim, _) = Similarity(target, join);
                if (sim >= 0.9 && Similarity(target, source[j]).Similarity < 0.9 && Similarity(target, source[j + 1]).Similarity < 0.9)
                {
                    merged ??= [.. source];
                    var at = merged.IndexOf(source[j]);
                    merged[at] = join;
                    merged.RemoveAt(at + 1);
                    source = merged;
                    break;
                }
            }
        }

        return source;
    }

    // Best one-to-one assignment of parts (maximum total weighted similarity), exact by dynamic
    // programming over the subsets of the second name's parts; names have a handful of parts.
    private static void Align(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b, ReadOnlySpan<double> sims, Span<int> assigned)
    {
        var n = a.Count;
        var m = b.Count;
        var states = 1 << m;
        var size = (n + 1) * states;
        Span<double> best = size <= 512 ? stackalloc double[size] : new double[size];
        Span<sbyte> choice = size <= 512 ? stackalloc sbyte[size] : new sbyte[size];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var mask = 0; mask < states; mask++)
            {
                var value = best[((i + 1) * states) + mask];
                sbyte pick = -1;
                for (var j = 0; j < m; j++)
                {
                    if ((mask & (1 << j)) != 0)
                    {
                        continue;
                    }

                    var sim = sims[(i * m) + j];
                    if (sim < MinPartSimilarity)
                    {
                        continue;
                    }

                    var gain = (sim * (a[i].Weight + b[j].Weight)) + best[((i + 1) * states) + (mask | (1 << j))];
                    if (gain > value + 1e-12)
                    {
                        value = gain;
                        pick = (sbyte)j;
                    }
                }

                best[(i * states) + mask] = value;
                choice[(i * states) + mask] = pick;
            }
        }

        var used = 0;
        for (var i = 0; i < n; i++)
        {
            var j = choice[(i * states) + used];
            assigned[i] = j;
            if (j >= 0)
            {
                used |= 1 << j;
            }
        }
    }

    private static bool Swapped(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b, ReadOnlySpan<int> assigned)
    {
        var conflicts = 0;
        var agreements = 0;
        for (var i = 0; i < a.Count; i++)
        {
            var j = assigned[i];
            if (j < 0 || a[i].IsFamily is not { } first || b[j].IsFamily is not { } second || a[i].Kind != NameTokenKind.Name)
            {
                continue;
            }

            if (first == second)
            {
                agreements += first ? 1 : 0;
            }
            else if (first)
            {
                conflicts++;
            }
        }

        return conflicts > 0 && agreements == 0;
    }

    private static bool IsReordered(ReadOnlySpan<int> assigned)
    {
        var last = -1;
        foreach (var j in assigned)
        {
            if (j < 0)
            {
                continue;
            }

            if (j < last)
            {
                return true;
            }

            last = j;
        }

        return false;
    }

    private static string Unmatched(NameToken token, string side) => token.Kind switch
    {
        NameTokenKind.Particle => $"particle dropped: {token.Original} (only in the {side} name)",
        NameTokenKind.Title => $"title ignored: {token.Original}",
        NameTokenKind.Initial => $"initial without counterpart: {token.Original} (only in the {side} name)",
        _ => $"missing part: {token.Original} (only in the {side} name)",
    };

    private static string Describe(MatchRule rule) => rule switch
    {
        MatchRule.Exact => "exact",
        MatchRule.Diacritics => "same once diacritics are removed",
        MatchRule.OriginalScript => "original script transliterated",
        MatchRule.Transliteration => "transliteration variant",
        MatchRule.Phonetic => "same phonetic key",
        MatchRule.Typo => "spelling difference",
        MatchRule.Initial => "initial",
        MatchRule.ParticleAttached => "particle written attached",
        MatchRule.Merged => "parts written together",
        _ => rule.ToString(),
    };
}
