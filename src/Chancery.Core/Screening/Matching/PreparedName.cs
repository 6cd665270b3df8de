using System.Collections.Frozen;
using System.Text;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Screening.Matching;

/// <summary>
/// A person name split into normalised parts, ready to be compared many times (an index keeps
/// one per alias). Never throws on odd input; a name with no letters has no tokens.
/// </summary>
public sealed class PreparedName
{
    private static readonly FrozenSet<string> Particles = new[]
    {
        "AL", "EL", "UL", "BIN", "BEN", "IBN", "BN", "ABN", "BNT", "ABU", "ABOU", "ABO", "BINT", "BINTI", "BINTE",
        "VAN", "VON", "DE", "DA", "DAS", "DOS", "DEL", "DELLA", "DELLE", "DELLO", "DEGLI", "DI", "DU", "DES",
        "LE", "LA", "LOS", "LAS", "TER", "TEN", "DER", "DEN", "Y", "ZU", "ST", "OULD", "WALD", "WLD",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Titles = new[]
    {
        "DR", "MR", "MRS", "MS", "PROF", "SIR", "SHEIKH", "SHAYKH", "SHAIKH", "SHEIK", "SHEICK", "HAJI", "HAJJI",
        "HADJI", "ALHAJ", "ALHAJJ", "HAJJ", "MULLAH", "MULLA", "MAULANA", "MAWLAWI", "MAULAVI", "MAWLAVI",
        "GEN", "GENERAL", "COL", "COLONEL", "CAPT", "MAJ", "LT",
    }.ToFrozenSet(StringComparer.Ordinal);

    // ʿAbd ("servant of") with its article, in the spellings that romanisations use; the
    // compound with the next word is one name (ʿAbd al-Rahman = Abdul Rahman = Abdulrahman).
    private static readonly string[] AbdPrefixes = ["ABDOUL", "ABDUL", "ABDEL", "ABDAL", "ABDOL", "ABDUR", "ABDER", "ABDUS", "ABDU"];

    private static readonly FrozenSet<string> AbdArticles = new[] { "AL", "EL", "UL", "UR", "US", "AR", "AS", "AD", "ED" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Allah = new[]
    {
        "ALLAH", "ALLA", "LAH", "LLAH", "LLH", "LH", "LLA", "ULLAH", "ULLA", "ALLH", "ILLAH", "ELLAH",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CompoundTails = new[]
    {
        "DIN", "DEEN", "DINE", "DDIN", "DDINE", "UDDIN", "UDDINE", "EDDIN", "EDDINE", "UDDEEN",
        "ALLAH", "ULLAH", "LLAH", "LLH", "LH", "ALLH",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CompoundArticles = new[] { "AL", "EL", "UL", "UD", "AD", "ED", "ID", "UR" }.ToFrozenSet(StringComparer.Ordinal);

    private PreparedName(string original, IReadOnlyList<NameToken> tokens)
    {
        Original = original;
        Tokens = tokens;
    }

    public string Original { get; }

    public IReadOnlyList<NameToken> Tokens { get; }

    public static PreparedName Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = SafeNormalize(name);

        var words = new List<(string Original, string Text, bool NonLatin, bool? Family)>();
        var start = -1;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || IsSeparator(text[i]);
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                AddWord(words, text.AsSpan(start, i - start), comma < 0 ? null : start < comma);
                start = -1;
            }
        }

        var tokens = Classify(JoinCompounds(ExpandAbd(words)));
        return new PreparedName(name, tokens);
    }

    private static string SafeNormalize(string name)
    {
        // Lone surrogates make normalisation throw: drop them first.
        if (name.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            var valid = new StringBuilder(name.Length);
            foreach (var rune in name.EnumerateRunes())
            {
                if (rune != Rune.ReplacementChar)
                {
                    valid.Append(rune.ToString());
                }
            }

            name = valid.ToString();
        }

        return name.IsNormalized(NormalizationForm.FormKC) ? name : name.Normalize(NormalizationForm.FormKC);
    }

    private static bool IsAsciiWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c) && c is not '\'' and not '`')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is ',' or '-' or '.' or '/' or '(' or ')' or ';' or ':' or '<' or '_' or '"' or '‐' or '‑' or '‒' or '–' or '—' or '+' or '&';

    private static void AddWord(List<(string Original, string Text, bool NonLatin, bool? Family)> words, ReadOnlySpan<char> word, bool? family)
    {
        var arabic = false;
        var cyrillic = false;
        foreach (var c in word)
        {
            arabic |= ArabicScript.IsArabic(c);
            cyrillic |= c is >= '\u0400' and <= '\u052F';
        }

        var original = word.ToString();
        if (arabic)
        {
            var latin = ArabicScript.ToLatin(word);

            // In Arabic script the article is always written joined to its noun.
            if (latin.Length > 3 && latin.StartsWith("AL", StringComparison.Ordinal))
            {
                words.Add((original, "AL", true, family));
                words.Add((original, latin[2..], true, family));
            }
            else if (latin.Length > 0)
            {
                words.Add((original, latin, true, family));
            }

            return;
        }

        // Plain ASCII letters (most names) need no transliteration: upper-case them directly.
        if (!cyrillic && IsAsciiWord(word))
        {
            Span<char> upper = stackalloc char[word.Length];
            var n = 0;
            foreach (var c in word)
            {
                if (char.IsAsciiLetter(c))
                {
                    upper[n++] = char.ToUpperInvariant(c);
                }
            }

            if (n > 0)
            {
                words.Add((original, new string(upper[..n]), false, family));
            }

            return;
        }

        foreach (var part in MrzNames.ToMrz(original).Split('<', StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add((original, part, cyrillic, family));
        }
    }

    private static List<(string Original, string Text, bool NonLatin, bool? Family)> ExpandAbd(List<(string Original, string Text, bool NonLatin, bool? Family)> words)
    {
        var output = new List<(string Original, string Text, bool NonLatin, bool? Family)>(words.Count + 1);
        for (var i = 0; i < words.Count; i++)
        {
            var (original, text, nonLatin, family) = words[i];
            string? rest = null;
            if (text is "ABD" || Array.IndexOf(AbdPrefixes, text) >= 0)
            {
                rest = string.Empty;
            }
            else if (text.StartsWith("ABD", StringComparison.Ordinal))
            {
                foreach (var prefix in AbdPrefixes)
                {
                    if (text.Length > prefix.Length + 1 && text.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        rest = text[prefix.Length..];
                        break;
                    }
                }
            }

            if (rest is null)
            {
                output.Add((original, text, nonLatin, family));
                continue;
            }

            if (rest.Length == 0)
            {
                // "Abd al Rahman": skip the article, join the next word.
                var j = i + 1;
                while (j < words.Count && AbdArticles.Contains(words[j].Text))
                {
                    j++;
                }

                if (j >= words.Count)
                {
                    output.Add((original, "ABD", nonLatin, family));
                    continue;
                }

                var joinedOriginal = string.Join(' ', words.Skip(i).Take(j - i + 1).Select(w => w.Original).Distinct());
                output.Add((joinedOriginal, Allah.Contains(words[j].Text) ? "ABDULLAH" : "ABD" + words[j].Text, nonLatin || words[j].NonLatin, family));
                i = j;
                continue;
            }

            output.Add((original, Allah.Contains(rest) ? "ABDULLAH" : "ABD" + rest, nonLatin, family));
        }

        return output;
    }

    // Compounds with al-Din and Allah are one name written as one, two or three words
    // (Jalaluddin, Jalal al-Din, Jalal ad-Din; Najibullah, Najib Allah): join them, without the article.
    private static List<(string Original, string Text, bool NonLatin, bool? Family)> JoinCompounds(List<(string Original, string Text, bool NonLatin, bool? Family)> words)
    {
        var output = new List<(string Original, string Text, bool NonLatin, bool? Family)>(words.Count);
        foreach (var word in words)
        {
            if (CompoundTails.Contains(word.Text))
            {
                var at = output.Count - 1;
                var skipped = 0;
                if (at >= 0 && CompoundArticles.Contains(output[at].Text))
                {
                    at--;
                    skipped = 1;
                }

                if (at >= 0 && !Particles.Contains(output[at].Text) && !Titles.Contains(output[at].Text) && output[at].Text.Length > 1)
                {
                    var head = output[at];
                    var joinedOriginal = head.Original == word.Original ? head.Original : $"{head.Original} {word.Original}";
                    output.RemoveRange(at, 1 + skipped);
                    output.Add((joinedOriginal, head.Text + word.Text, head.NonLatin || word.NonLatin, head.Family));
                    continue;
                }
            }

            output.Add(word);
        }

        return output;
    }

    private static NameToken[] Classify(List<(string Original, string Text, bool NonLatin, bool? Family)> words)
    {
        var allLight = true;
        foreach (var word in words)
        {
            allLight &= Particles.Contains(word.Text) || Titles.Contains(word.Text);
        }

        var tokens = new NameToken[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var (original, text, nonLatin, family) = words[i];
            var kind = text.Length == 1 && !Particles.Contains(text) ? NameTokenKind.Initial
                : allLight ? NameTokenKind.Name
                : Titles.Contains(text) ? NameTokenKind.Title
                : Particles.Contains(text) ? NameTokenKind.Particle
                : NameTokenKind.Name;
            tokens[i] = new NameToken(original, text, kind, nonLatin) { IsFamily = family };
        }

        return tokens;
    }

    internal static NameToken Join(NameToken first, NameToken second) =>
        new($"{first.Original} {second.Original}", first.Text + second.Text, NameTokenKind.Name, first.FromNonLatinScript || second.FromNonLatinScript)
        {
            Merged = true,
            IsFamily = first.IsFamily,
        };
}
