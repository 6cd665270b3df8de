using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Chancery.Core.Documents.Mrz;

/// <summary>Names in the machine readable zone: transliteration (Doc 9303 Part 3 §6) and the name field.</summary>
public static class MrzNames
{
    // Doc 9303 Part 3 recommended transliterations that are more than "drop the diacritic", and the
    // letters that Unicode does not decompose (Ł, Đ, Ø…). Ñ is N, as on Spanish documents (the
    // alternative NXX is not used by issuers). Keys are upper case; input is upper-cased first.
    private static readonly FrozenDictionary<char, string> Latin = new Dictionary<char, string>
    {
        ['Ä'] = "AE", ['Å'] = "AA", ['Æ'] = "AE", ['Ö'] = "OE", ['Ø'] = "OE", ['Œ'] = "OE",
        ['Ü'] = "UE", ['ß'] = "SS", ['ẞ'] = "SS", ['Þ'] = "TH", ['Ĳ'] = "IJ", ['Ñ'] = "N",
        ['Ð'] = "D", ['Đ'] = "D", ['Ħ'] = "H", ['Ł'] = "L", ['Ŀ'] = "L", ['Ŋ'] = "N",
        ['Ŧ'] = "T", ['ı'] = "I", ['ĸ'] = "K",
    }.ToFrozenDictionary();

    // Doc 9303 Part 3 Cyrillic table (Russian, Ukrainian, Belarusian, Serbian, Macedonian letters).
    private static readonly FrozenDictionary<char, string> Cyrillic = new Dictionary<char, string>
    {
        ['А'] = "A", ['Б'] = "B", ['В'] = "V", ['Г'] = "G", ['Ґ'] = "G", ['Д'] = "D", ['Ђ'] = "D",
        ['Ѓ'] = "G", ['Е'] = "E", ['Ё'] = "E", ['Є'] = "IE", ['Ж'] = "ZH", ['З'] = "Z", ['Ѕ'] = "DZ",
        ['И'] = "I", ['І'] = "I", ['Ї'] = "I", ['Й'] = "I", ['Ј'] = "J", ['К'] = "K", ['Л'] = "L",
        ['Љ'] = "LJ", ['М'] = "M", ['Н'] = "N", ['Њ'] = "NJ", ['О'] = "O", ['П'] = "P", ['Р'] = "R",
        ['С'] = "S", ['Т'] = "T", ['Ћ'] = "C", ['Ќ'] = "K", ['У'] = "U", ['Ў'] = "U", ['Ф'] = "F",
        ['Х'] = "KH", ['Ц'] = "TS", ['Ч'] = "CH", ['Џ'] = "DZ", ['Ш'] = "SH", ['Щ'] = "SHCH",
        ['Ъ'] = "IE", ['Ы'] = "Y", ['Ь'] = "", ['Э'] = "E", ['Ю'] = "IU", ['Я'] = "IA", ['Ѫ'] = "U",
    }.ToFrozenDictionary();

    /// <summary>
    /// A name as MRZ characters: upper case A–Z, words separated by one &lt;. Apostrophes are
    /// dropped, hyphens, spaces and commas become &lt;, Latin and Cyrillic letters are
    /// transliterated per Doc 9303 Part 3, and anything else (digits, other scripts) is dropped.
    /// Never throws; the result may be empty.
    /// </summary>
    public static string ToMrz(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Compose first so that a letter followed by a combining diaeresis is one Ü (→ UE);
        // lone surrogates cannot be normalized and are dropped here.
        var valid = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune != Rune.ReplacementChar)
            {
                valid.Append(rune.ToString());
            }
        }

        var output = new StringBuilder(valid.Length);
        var pendingSeparator = false;
        foreach (var rune in valid.ToString().Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var letters = Transliterate(rune);
            if (letters is null)
            {
                pendingSeparator = output.Length > 0;
                continue;
            }

            if (letters.Length == 0)
            {
                continue;
            }

            if (pendingSeparator)
            {
                output.Append(MrzFields.Filler);
                pendingSeparator = false;
            }

            output.Append(letters);
        }

        return output.ToString();
    }

    /// <summary>
    /// The name field of a zone, exactly <paramref name="width"/> characters: primary identifier,
    /// &lt;&lt;, secondary identifier, filled with &lt;. Names that do not fit are truncated.
    /// </summary>
    /// <exception cref="ArgumentException">The surname has no MRZ letters.</exception>
    public static string FormatNameField(string surname, string givenNames, int width)
    {
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(givenNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 4);

        var primary = ToMrz(surname);
        var secondary = ToMrz(givenNames);
        if (primary.Length == 0)
        {
            throw new ArgumentException(
                "The surname (primary identifier) has no letters the MRZ can show; a holder with one name has it recorded as the surname.",
                nameof(surname));
        }

        var full = secondary.Length == 0 ? primary : $"{primary}<<{secondary}";
        return MrzFields.Pad(full.Length <= width ? full : Truncate(primary, secondary, width), width);
    }

    // Doc 9303 Part 3 §4.6 as applied here: when the name is too long, the secondary identifier
    // (given names) is cut first, from the end, but every given name keeps at least its initial;
    // only when even the initials do not fit is the primary identifier (surname) cut, keeping as
    // many initials as leave it at least one letter. A cut never ends on a filler (which would
    // merge with the << separator), so a truncated field ends in a letter, the sign that the
    // name may have been truncated.
    private static string Truncate(string primary, string secondary, int width)
    {
        var parts = secondary.Length == 0 ? [] : secondary.Split(MrzFields.Filler);
        var room = width - primary.Length - 2;
        if (parts.Length > 0 && room >= (2 * parts.Length) - 1)
        {
            var kept = new StringBuilder(room);
            for (var i = 0; i < parts.Length; i++)
            {
                var reservedForLater = 2 * (parts.Length - 1 - i);
                var take = Math.Min(parts[i].Length, room - kept.Length - reservedForLater);
                kept.Append(parts[i], 0, take);
                if (i < parts.Length - 1)
                {
                    kept.Append(MrzFields.Filler);
                }
            }

            return $"{primary}<<{kept}";
        }

        var initialCount = parts.Length;
        while (initialCount > 0 && width - 2 - ((2 * initialCount) - 1) < 1)
        {
            initialCount--;
        }

        var initials = string.Join(MrzFields.Filler, parts.Take(initialCount).Select(p => p[0]));
        var primaryRoom = initialCount == 0 ? width : width - 2 - initials.Length;
        var cut = primary[..Math.Min(primary.Length, primaryRoom)].TrimEnd(MrzFields.Filler);
        return initialCount == 0 ? cut : $"{cut}<<{initials}";
    }

    // The MRZ letters for one character: null for a word separator, "" for a character that is dropped.
    private static string? Transliterate(Rune rune)
    {
        if (!rune.IsBmp)
        {
            return string.Empty;
        }

        var c = (char)rune.Value;
        switch (c)
        {
            case ' ' or '-' or ',' or '<' or '\u00A0' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\t':
                return null;
            case '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '`' or '\u00B4':
                return string.Empty;
        }

        var upper = char.ToUpperInvariant(c);
        if (MrzFields.IsLetter(upper))
        {
            return upper.ToString();
        }

        if (Latin.TryGetValue(upper, out var latin) || Latin.TryGetValue(c, out latin) || Cyrillic.TryGetValue(upper, out latin))
        {
            return latin;
        }

        // Other Latin letters with diacritics: keep the base letter (É → E, Ç → C, Ő → O).
        var decomposed = upper.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length > 0 && MrzFields.IsLetter(decomposed[0]))
        {
            return decomposed[0].ToString();
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator ? null : string.Empty;
    }
}
