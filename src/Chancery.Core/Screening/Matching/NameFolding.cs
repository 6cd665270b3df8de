namespace Chancery.Core.Screening.Matching;

// Folding and the phonetic key. Both work on upper-case A–Z text and are written as plain loops
// over spans: they run for every token of every comparison.
//
// The key is a consonant skeleton rather than Soundex or Double Metaphone: the names screened
// here come romanised from Arabic (which does not write short vowels), Cyrillic (where French,
// German and English romanisations differ mostly in consonant digraphs and in vowels) and
// Korean, Chinese or Persian; English-spelling rules (Metaphone) help little there. So the key
// drops vowels (keeping only whether the name starts with one), merges the consonants that
// romanisations confuse (K/G/Q, T/D, S/Z/Ch/Sh/Ts, B/P, F/V/W) and collapses repeats.
internal static class NameFolding
{
    public static string Fold(string text)
    {
        Span<char> buffer = stackalloc char[(text.Length * 2) + 2];
        var n = 0;
        // German romanisation writes Kh (Х) as Ch; before a consonant at the start it cannot be Ch (Ч).
        var s = text.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            var rest = s[i..];
            char c;
            int used;
            if (rest.StartsWith("SHCH", StringComparison.Ordinal)) { c = 'S'; used = 4; }
            else if (rest.StartsWith("DSCH", StringComparison.Ordinal)) { c = 'J'; used = 4; }
            else if (rest.StartsWith("TSCH", StringComparison.Ordinal)) { c = 'C'; used = 4; }
            else if (rest.StartsWith("SCH", StringComparison.Ordinal)) { c = 'S'; used = 3; }
            else if (rest.StartsWith("TCH", StringComparison.Ordinal)) { c = 'C'; used = 3; }
            else if (rest.StartsWith("DZH", StringComparison.Ordinal)) { c = 'J'; used = 3; }
            else if (i == 0 && rest.Length > 2 && rest[0] == 'C' && rest[1] == 'H' && !IsVowel(rest[2])) { c = 'H'; used = 2; }
            else if (rest.Length >= 2 && IsDigraph(rest[0], rest[1], out c)) { used = 2; }
            else
            {
                used = 1;
                c = rest[0] switch
                {
                    // A final C is the Serbian -ić or ISO 9 č (Nikolic, Urevic), not K.
                    'C' => rest.Length == 1 ? 'C' : rest[1] is 'E' or 'I' or 'Y' ? 'S' : 'K',
                    'Q' => 'K',
                    'W' => 'V',
                    'Y' => 'I',
                    'E' => 'I',
                    'O' => 'U',
                    'X' => 'X',
                    var other => other,
                };
            }

            if (c == 'X')
            {
                Append(buffer, ref n, 'K');
                Append(buffer, ref n, 'S');
            }
            else
            {
                Append(buffer, ref n, c);
            }

            i += used;
        }

        // A final H after a vowel is not written by every romanisation (Abdullah/Abdulla).
        if (n > 3 && buffer[n - 1] == 'H' && IsVowel(buffer[n - 2]))
        {
            n--;
        }

        return new string(buffer[..n]);
    }

    public static string Key(string folded)
    {
        if (folded.Length == 0)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[folded.Length + 1];
        var n = 0;
        var start = 0;

        // Ie-/Je-/Ye-, Iu-/Ju-/Yu-, Ia-/Ya- are one sound romanised several ways (Yelena, Jelena,
        // Ielena, Elena): a leading I (folded Y) before a vowel is dropped, and a leading J before
        // E or U (folded I, U); not before A or O, where J is more often a consonant (Jamal, Jose).
        if (folded.Length > 2 && ((folded[0] == 'I' && IsVowel(folded[1])) || (folded[0] == 'J' && folded[1] is 'I' or 'U')))
        {
            start = 1;
        }

        if (IsVowel(folded[start]))
        {
            buffer[n++] = 'A';
            start++;
        }

        for (var i = start; i < folded.Length; i++)
        {
            var c = folded[i] switch
            {
                'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => '\0',
                'H' when i == folded.Length - 1 => '\0',
                'G' or 'Q' => 'K',
                'D' => 'T',
                'Z' or 'C' => 'S',
                'P' => 'B',
                'V' or 'W' => 'F',
                var other => other,
            };
            if (c != '\0' && (n == 0 || buffer[n - 1] != c))
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    public static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    private static bool IsDigraph(char a, char b, out char folded)
    {
        folded = (a, b) switch
        {
            ('C', 'H') => 'C',
            ('S', 'H') => 'S',
            ('Z', 'H') => 'J',
            ('K', 'H') => 'H',
            ('G', 'H') => 'G',
            ('P', 'H') => 'F',
            ('T', 'H') => 'T',
            ('D', 'H') => 'D',
            ('T', 'S') => 'C',
            ('T', 'Z') => 'C',
            ('D', 'J') => 'J',
            ('C', 'K') => 'K',
            ('O', 'U') => 'U',
            ('E', 'E') => 'I',
            ('O', 'O') => 'U',
            _ => '\0',
        };
        return folded != '\0';
    }

    // Doubled letters are collapsed as they are written (Mohammed/Mohamed, Youssef/Yousef).
    private static void Append(Span<char> buffer, ref int n, char c)
    {
        if (n == 0 || buffer[n - 1] != c)
        {
            buffer[n++] = c;
        }
    }
}
