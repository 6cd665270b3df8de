using System.Text;

namespace Chancery.Core.Screening.Matching;

// A practical Arabic (and Persian/Urdu) letter table for matching, not a transliteration
// standard: short vowels and other harakat are not written and are ignored; alif and ʿayn read
// as A (both usually appear as a vowel in romanisations: ʿAbd → Abd, ʿUthman → Uthman); waw and
// ya are consonants at the start of a word and long vowels (U, I) inside it; ta marbuta is A.
internal static class ArabicScript
{
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    // Waw and ya before an alif are consonants (Marwan, Bayan), elsewhere inside a word long vowels.
    private static bool NextIsAlif(ReadOnlySpan<char> word, int i) => i + 1 < word.Length && word[i + 1] is 'ا' or 'آ';

    public static string ToLatin(ReadOnlySpan<char> word)
    {
        var output = new StringBuilder(word.Length * 2);
        for (var i = 0; i < word.Length; i++)
        {
            // The first letter after a joined article starts the noun (الوليد is al-Walid).
            var initial = output.Length == 0 || (i == 2 && word[0] is 'ا' && word[1] == 'ل');
            var letters = word[i] switch
            {
                'ا' or 'أ' or 'آ' or 'ٱ' => "A",
                'إ' => "I",
                'ء' or 'ؤ' or 'ئ' => string.Empty,
                'ب' => "B",
                'پ' => "P",
                'ت' => "T",
                'ث' => "TH",
                'ج' => "J",
                'چ' => "CH",
                'ح' => "H",
                'خ' => "KH",
                'د' => "D",
                'ذ' => "DH",
                'ر' => "R",
                'ز' => "Z",
                'ژ' => "ZH",
                'س' => "S",
                'ش' => "SH",
                'ص' => "S",
                'ض' => "D",
                'ط' => "T",
                'ظ' => "Z",
                'ع' => "A",
                'غ' => "GH",
                'ف' => "F",
                'ق' => "Q",
                'ك' or 'ک' => "K",
                'گ' => "G",
                'ل' => "L",
                'م' => "M",
                'ن' => "N",
                'ه' or 'ھ' or 'ۀ' => "H",
                'ة' => "A",
                'و' => initial || NextIsAlif(word, i) ? "W" : "U",
                'ي' or 'ی' or 'ې' => initial || NextIsAlif(word, i) ? "Y" : "I",
                'ى' => "A",
                _ => string.Empty,
            };
            output.Append(letters);
        }

        return output.ToString();
    }
}
