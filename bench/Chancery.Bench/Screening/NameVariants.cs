using System.Globalization;
using System.Text;

namespace Chancery.Bench.Screening;

/// <summary>How a screened name differs from the listed name it was made from.</summary>
internal enum VariantKind
{
    Typo,
    Transliteration,
    Reordering,
    DroppedMiddleName,
    CaseDiacritics,
}

// One realistic change to a written name, of the kinds that make a visa applicant's name differ
// from the list's: a typing error, another romanisation, another word order, a given name
// left out, lower case or accents. Returns null when the change does not apply to the name.
internal static class NameVariants
{
    // Spellings of one name that romanisations or national conventions produce; a listed word
    // found here is swapped for another spelling of the same group.
    private static readonly string[][] SpellingGroups =
    [
        ["Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed", "Mohamad"],
        ["Ahmed", "Ahmad", "Ahmet"],
        ["Hussein", "Husayn", "Hussain", "Hossein", "Hüseyin", "Husein"],
        ["Hassan", "Hasan", "Hacen"],
        ["Yusuf", "Youssef", "Yousef", "Yousuf", "Yussuf"],
        ["Omar", "Umar", "Oumar", "Ömer"],
        ["Osman", "Usman", "Othman", "Uthman", "Ousmane"],
        ["Abdullah", "Abdallah", "Abd Allah", "Abdulla"],
        ["Abdul Rahman", "Abdel Rahman", "Abd al-Rahman", "Abdulrahman", "Abdurrahman"],
        ["Abdel Aziz", "Abdulaziz", "Abd al-Aziz", "Abdelaziz"],
        ["Abd al-Karim", "Abdul Karim", "Abdelkarim"],
        ["Abd al-Latif", "Abdul Latif", "Abdellatif"],
        ["Abdul Ghani", "Abd al-Ghani", "Abdelghani"],
        ["Abdul Qadir", "Abdelkader", "Abd al-Qadir"],
        ["Khalid", "Khaled", "Halid"],
        ["Mahmoud", "Mahmud", "Mahmood"],
        ["Mustafa", "Mostafa", "Moustafa", "Mustapha"],
        ["Said", "Saeed", "Sayed", "Saied"],
        ["Ibrahim", "Ebrahim", "Ibrahima", "İbrahim"],
        ["Ismail", "Ismael", "Esmail", "İsmail"],
        ["Jamal", "Gamal"],
        ["Qasim", "Kassem", "Kasim", "Qassem"],
        ["Saleh", "Salih", "Salah"],
        ["Tariq", "Tarek", "Tarik"],
        ["Faisal", "Faysal", "Feisal"],
        ["Nasser", "Nasir", "Naser"],
        ["Osama", "Usama", "Oussama"],
        ["Zakariya", "Zakaria", "Zakariyya"],
        ["Fatima", "Fatimah", "Fatema", "Fatemeh", "Fatma"],
        ["Aisha", "Aicha", "Ayesha", "Ayşe"],
        ["Khadija", "Khadijah", "Khadidja"],
        ["Zainab", "Zeinab", "Zeynab"],
        ["Maryam", "Mariam", "Meryem"],
        ["Jafar", "Jaafar", "Ja'far"],
        ["Hamidreza", "Hamid Reza"],
        ["Alireza", "Ali Reza"],
        ["Gholamreza", "Gholam Reza", "Ghulam Reza"],
        ["Najibullah", "Najib Allah", "Najeebullah"],
        ["Sirajuddin", "Siraj al-Din", "Sirajudeen"],
        ["Jalaluddin", "Jalal al-Din", "Jalaladdin"],
        ["Sami Ullah", "Samiullah", "Sami Allah"],
        ["Zia ul Haq", "Ziaulhaq", "Zia al-Haq"],
        ["Aleksandr", "Alexander", "Alexandre", "Aleksander", "Oleksandr"],
        ["Sergey", "Sergei", "Serguei", "Sergiy"],
        ["Dmitriy", "Dmitri", "Dmitry", "Dmytro"],
        ["Aleksey", "Alexei", "Alexey", "Oleksiy"],
        ["Yevgeny", "Evgeni", "Evgeny", "Jewgeni", "Yevgeniy"],
        ["Yuriy", "Yuri", "Iouri", "Jurij", "Yury"],
        ["Andrey", "Andrei", "Andriy"],
        ["Nikolay", "Nikolai", "Mykola"],
        ["Mikhail", "Michail", "Mikhael"],
        ["Vasiliy", "Vasily", "Vassili", "Wassili"],
        ["Anatoliy", "Anatoly", "Anatoli"],
        ["Vladimir", "Wladimir", "Volodymyr"],
        ["Natalya", "Natalia", "Nataliya"],
        ["Tatyana", "Tatiana", "Tatjana"],
        ["Yuliya", "Yulia", "Julia", "Iouliia"],
        ["Ekaterina", "Yekaterina", "Katerina"],
        ["Mariya", "Maria", "Marija"],
        ["Fedorov", "Fyodorov", "Fiodorov"],
        ["Semenov", "Semyonov", "Semionov"],
        ["Mikhaylov", "Mikhailov", "Michailow"],
        ["Vasilyev", "Vasiliev", "Wassiljew"],
        ["Yegorov", "Egorov"],
        ["Zaytsev", "Zaitsev", "Saizew"],
        ["Solovyev", "Soloviev", "Solowjow"],
        ["Alekseyev", "Alekseev", "Alexeev"],
        ["Zhang", "Chang"],
        ["Zhou", "Chou", "Chow"],
        ["Chen", "Chan"],
        ["Huang", "Hwang"],
        ["Li", "Lee"],
        ["Park", "Pak", "Bak"],
        ["Choi", "Choe", "Chwe"],
        ["Jung", "Chung", "Jeong"],
        ["Lee", "Yi", "Rhee", "Ri"],
        ["Kang", "Gang"],
        ["Cho", "Jo", "Joh"],
        ["Nguyen", "Nguyên", "Ngyuen"],
        ["José", "Jose"],
        ["Jesús", "Jesus"],
        ["Müller", "Mueller", "Muller"],
        ["Schröder", "Schroeder", "Schroder"],
        ["Mamadou", "Mamadu", "Mahamadou"],
        ["Moussa", "Musa", "Mousa"],
        ["Abubakar", "Aboubacar", "Abu Bakr"],
        ["Traoré", "Traore"],
        ["Touré", "Toure"],
        ["Cissé", "Cisse"],
        ["Kourosh", "Kurosh", "Korosh"],
        ["Hosseini", "Husseini", "Hosseyni"],
        ["Mohammadi", "Muhammadi", "Mohamadi"],
        ["Rezaei", "Rezai", "Rezaee"],
        ["Ghasemi", "Qasemi", "Ghassemi"],
        ["Mousavi", "Musavi", "Moussavi"],
        ["Gul", "Gol"],
        ["Chaudhry", "Chaudhary", "Choudhury"],
        ["Yousafzai", "Yusufzai", "Yousufzai"],
        ["Qureshi", "Quraishi", "Kureshi"],
    ];

    // Sound and spelling rules romanisations differ on, for words no group above covers.
    // Where: 'e' at the end of the word, 's' at the start, 'a' anywhere after the first letter.
    private static readonly (string From, string To, char Where)[] Rules =
    [
        ("ov", "off", 'e'), ("ov", "ow", 'e'), ("ev", "eff", 'e'), ("ev", "ew", 'e'), ("iy", "i", 'e'), ("iy", "y", 'e'),
        ("skiy", "ski", 'e'), ("ya", "ia", 'e'), ("ei", "ey", 'e'), ("ie", "y", 'e'), ("ah", "a", 'e'), ("ee", "i", 'e'),
        ("kh", "h", 'a'), ("kh", "ch", 'a'), ("ou", "u", 'a'), ("oo", "u", 'a'), ("sh", "sch", 'a'), ("ch", "tch", 'a'),
        ("zh", "j", 'a'), ("ph", "f", 'a'), ("q", "k", 'a'), ("w", "v", 'a'), ("yu", "iu", 'a'), ("ya", "ia", 'a'),
        ("ts", "tz", 'a'), ("ck", "k", 'a'), ("dj", "j", 'a'), ("j", "dzh", 'a'), ("u", "ou", 'a'), ("i", "ee", 'a'),
        ("e", "a", 'a'), ("y", "i", 'a'), ("ss", "s", 'a'), ("c", "k", 'a'), ("ai", "ay", 'a'), ("ae", "ai", 'a'),
        ("yu", "iu", 's'), ("ye", "e", 's'), ("kh", "h", 's'), ("q", "k", 's'), ("j", "dj", 's'), ("y", "j", 's'),
    ];

    private static readonly Dictionary<string, string[]> SpellingsOf = BuildSpellings();

    private static readonly string[] Particles = ["al", "el", "bin", "ben", "ibn", "bint", "abu", "de", "del", "la", "le", "van", "von", "da", "du", "ul", "y"];

    private const string KeyboardRows = "qwertyuiop|asdfghjkl|zxcvbnm";

    public static string? Apply(VariantKind kind, string name, SplitMix64 random) =>
        kind switch
        {
            VariantKind.Typo => Typo(name, random),
            VariantKind.Transliteration => Transliteration(name, random),
            VariantKind.Reordering => Reorder(name, random),
            VariantKind.DroppedMiddleName => DropMiddleName(name, random),
            VariantKind.CaseDiacritics => CaseDiacritics(name, random),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    /// <summary>One edit in a word of five letters or more, never its first letter.</summary>
    public static string? Typo(string name, SplitMix64 random)
    {
        // Positions inside a run of five letters or more (Tae-gyu is two parts of three), never the run's first letter.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidates = new List<(int Word, int At)>();
        for (var w = 0; w < words.Length; w++)
        {
            var text = words[w];
            for (var start = 0; start < text.Length;)
            {
                var end = start;
                while (end < text.Length && char.IsLetter(text[end]))
                    end++;
                if (end - start >= 5)
                {
                    for (var i = start + 1; i < end; i++)
                        candidates.Add((w, i));
                }

                start = end + 1;
            }
        }

        if (candidates.Count == 0)
            return null;

        var (wordAt, at) = random.Pick(candidates);
        var word = words[wordAt];
        var letters = new StringBuilder(word);
        switch (random.Below(4))
        {
            case 0 when at + 1 < word.Length && char.IsLetter(word[at + 1]) && char.ToUpperInvariant(word[at]) != char.ToUpperInvariant(word[at + 1]):
                letters[at] = word[at + 1];
                letters[at + 1] = word[at];
                break;
            case 1:
                letters.Remove(at, 1);
                break;
            case 2:
                letters.Insert(at, word[at]);
                break;
            default:
                var neighbour = KeyboardNeighbour(word[at], random);
                if (neighbour is null)
                {
                    letters.Remove(at, 1);
                }
                else
                {
                    letters[at] = neighbour.Value;
                }

                break;
        }

        words[wordAt] = letters.ToString();
        return string.Join(' ', words);
    }

    /// <summary>Another common spelling of one word (Mohammed/Muhammad), or one romanisation rule (-ov/-off, kh/h, ou/u).</summary>
    public static string? Transliteration(string name, SplitMix64 random)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Two-word spellings first (Abdul Rahman / Abdulrahman), then single words.
        var options = new List<(int Start, int Count, string Replacement)>();
        for (var i = 0; i < words.Length; i++)
        {
            for (var count = 1; count <= 3 && i + count <= words.Length; count++)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(count));
                var bare = phrase.TrimEnd(',');
                if (SpellingsOf.TryGetValue(bare, out var spellings))
                {
                    foreach (var s in spellings)
                    {
                        if (!string.Equals(s, bare, StringComparison.OrdinalIgnoreCase))
                            options.Add((i, count, SameCase(bare, s) + (phrase.EndsWith(',') ? "," : string.Empty)));
                    }
                }
            }
        }

        if (options.Count > 0 && (random.Chance(0.75) || !HasRule(words)))
        {
            var (start, count, replacement) = random.Pick(options);
            return string.Join(' ', words.Take(start).Append(replacement).Concat(words.Skip(start + count)));
        }

        var ruled = new List<(int Word, string Replacement)>();
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var r in RuleResults(words[i]))
                ruled.Add((i, r));
        }

        if (ruled.Count == 0)
            return null;

        var (wordAt, result) = random.Pick(ruled);
        words[wordAt] = result;
        return string.Join(' ', words);
    }

    /// <summary>"FAMILY, Given" written as "Given Family", or the other way; or the first word moved last.</summary>
    public static string? Reorder(string name, SplitMix64 random)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            var family = name[..comma].Trim();
            var given = name[(comma + 1)..].Trim();
            return given.Length == 0 ? null : $"{given} {family}";
        }

        // Whole names move (Abdul Ghani, not Abdul alone).
        var units = Units(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(u => string.Join(' ', u)).ToList();
        if (units.Count < 2)
            return null;

        return random.Chance(0.5)
            ? string.Join(' ', units.Skip(1).Append(units[0]))
            : $"{units[^1].ToUpperInvariant()}, {string.Join(' ', units.Take(units.Count - 1))}";
    }

    /// <summary>One given name other than the first left out (with its bin/ibn), keeping the family name.</summary>
    public static string? DropMiddleName(string name, SplitMix64 random)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var units = Units(name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var substantive = Enumerable.Range(0, units.Count).Where(i => units[i].Length > 1 || !IsParticle(units[i][0])).ToList();
        List<int> droppable;
        if (comma > 0)
        {
            // Words after the comma are given names: any but the first of them may go.
            var firstGiven = units.FindIndex(u => u[^1].EndsWith(',')) + 1;
            var given = substantive.Where(i => i >= firstGiven).ToList();
            droppable = given.Count >= 2 ? given.Skip(1).ToList() : [];
        }
        else
        {
            droppable = substantive.Count >= 3 ? substantive.Skip(1).Take(substantive.Count - 2).ToList() : [];
        }

        if (droppable.Count == 0)
            return null;

        var at = random.Pick(droppable);
        units.RemoveAt(at);
        if (at > 0 && units[at - 1][0].ToLowerInvariant() is "bin" or "ibn" or "bint" or "ben")
            units.RemoveAt(at - 1);
        return string.Join(' ', units.SelectMany(u => u));
    }

    // Words that are one name: Abdul Ghani, Abd al-Karim, Abu Bakr, Sami Ullah, Zia ul Haq.
    // Nobody leaves out half of one.
    private static List<string[]> Units(string[] words)
    {
        var units = new List<string[]>();
        for (var i = 0; i < words.Length; i++)
        {
            var end = i;
            while (end + 1 < words.Length && (BindsNext(words[end]) || BindsPrevious(words[end + 1])) && !words[end].EndsWith(','))
                end++;
            units.Add(words[i..(end + 1)]);
            i = end;
        }

        return units;
    }

    private static bool BindsNext(string word) =>
        word.ToLowerInvariant() is "abd" or "abdul" or "abdel" or "abdal" or "abdol" or "abdur" or "abdu" or "abu" or "abou" or "ul" or "al" or "el" or "ud"
        || word.StartsWith("Abd al-", StringComparison.OrdinalIgnoreCase);

    private static bool BindsPrevious(string word) =>
        word.TrimEnd(',').ToLowerInvariant() is "ullah" or "ul" or "uddin" or "ud-din" or "allah" or "al-din" or "ad-din" or "haq";

    /// <summary>The name in lower case, without its accents, or with accents it does not have.</summary>
    public static string? CaseDiacritics(string name, SplitMix64 random)
    {
        var hasMarks = name.Any(c => c > 127 && char.IsLetter(c));
        var choice = hasMarks ? random.Below(3) : 1 + random.Below(2);
        switch (choice)
        {
            case 0:
                return WithoutMarks(name);
            case 1:
                var lower = name.ToLowerInvariant();
                return lower == name ? null : lower;
            default:
                var chars = name.ToCharArray();
                var vowels = Enumerable.Range(1, chars.Length - 1).Where(i => "aeiouAEIOUcnCN".Contains(chars[i], StringComparison.Ordinal) && char.IsLetter(chars[i - 1])).ToList();
                if (vowels.Count == 0)
                    return null;
                var marks = 1 + random.Below(3);
                for (var k = 0; k < marks; k++)
                {
                    var at = random.Pick(vowels);
                    chars[at] = chars[at] switch
                    {
                        'a' => 'á', 'e' => 'é', 'i' => 'í', 'o' => 'ó', 'u' => 'ú', 'c' => 'ç', 'n' => 'ñ',
                        'A' => 'Á', 'E' => 'É', 'I' => 'Í', 'O' => 'Ó', 'U' => 'Ú', 'C' => 'Ç', 'N' => 'Ñ',
                        var c => c,
                    };
                }

                return new string(chars);
        }
    }

    public static string WithoutMarks(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            plain.Append(c switch
            {
                'ı' => 'i', 'Đ' => 'D', 'đ' => 'd', 'ø' => 'o', 'Ø' => 'O', 'ł' => 'l', 'Ł' => 'L',
                _ => c,
            });
        }

        return plain.ToString().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsParticle(string word) => Particles.Contains(word.TrimEnd(',').ToLowerInvariant());

    private static bool HasRule(string[] words) => words.Any(w => RuleResults(w).Any());

    private static IEnumerable<string> RuleResults(string word)
    {
        var bare = word.TrimEnd(',');
        var tail = word[bare.Length..];
        if (bare.Length < 3 || !bare.All(c => char.IsAsciiLetter(c) || c is '-' or '\''))
            yield break;

        var lower = bare.ToLowerInvariant();
        foreach (var (from, to, where) in Rules)
        {
            string? result = null;
            if (where == 'e' && lower.EndsWith(from, StringComparison.Ordinal) && lower.Length > from.Length + 1)
            {
                result = lower[..^from.Length] + to;
            }
            else if (where == 's' && lower.StartsWith(from, StringComparison.Ordinal))
            {
                result = to + lower[from.Length..];
            }
            else if (where == 'a')
            {
                var at = lower.IndexOf(from, 1, StringComparison.Ordinal);
                if (at > 0)
                    result = lower[..at] + to + lower[(at + from.Length)..];
            }

            // In a short word a changed vowel makes another name (Lee/Lae), not another spelling.
            var vowelsOnly = from.All(IsVowel) && to.All(IsVowel);
            if (result is not null && result != lower && (!vowelsOnly || lower.Length >= 5))
                yield return SameCase(bare, result) + tail;
        }
    }

    // The replacement in the case of the word it replaces: ALL CAPS, lower case or as listed.
    private static string SameCase(string model, string replacement)
    {
        var letters = model.Where(char.IsLetter).ToList();
        if (letters.Count > 1 && letters.All(char.IsUpper))
            return replacement.ToUpperInvariant();
        if (letters.Count > 0 && letters.All(char.IsLower))
            return replacement.ToLowerInvariant();
        if (char.IsUpper(model[0]) && replacement.Length > 0 && char.IsLower(replacement[0]))
            return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        return replacement;
    }

    private static char? KeyboardNeighbour(char c, SplitMix64 random)
    {
        var lower = char.ToLowerInvariant(c);
        var at = KeyboardRows.IndexOf(lower, StringComparison.Ordinal);
        if (at < 0)
            return null;

        var neighbours = new List<char>(2);
        if (at > 0 && KeyboardRows[at - 1] != '|')
            neighbours.Add(KeyboardRows[at - 1]);
        if (at + 1 < KeyboardRows.Length && KeyboardRows[at + 1] != '|')
            neighbours.Add(KeyboardRows[at + 1]);
        var n = random.Pick(neighbours);
        return char.IsUpper(c) ? char.ToUpperInvariant(n) : n;
    }

    private static Dictionary<string, string[]> BuildSpellings()
    {
        var map = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in SpellingGroups)
        {
            foreach (var spelling in group)
            {
                map[spelling] = map.TryGetValue(spelling, out var other) ? [.. other.Union(group)] : group;
            }
        }

        return map;
    }
}
