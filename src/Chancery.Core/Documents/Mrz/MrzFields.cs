namespace Chancery.Core.Documents.Mrz;

// Rules shared by the parser and the generator, so that whatever is generated reads back as valid.
internal static class MrzFields
{
    public const char Filler = '<';

    public static bool IsMrzChar(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or Filler;

    public static bool IsAlphanumeric(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    public static bool IsLetter(char c) => c is >= 'A' and <= 'Z';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsSex(char c) => c is 'M' or 'F' or 'X' or Filler;

    // Optional data: fillers at either end are padding, fillers inside separate words.
    public static string DecodeOptional(string field) => field.Trim(Filler).Replace(Filler, ' ');

    public static string EncodeOptional(string value) => value.Replace(' ', Filler);

    public static string Pad(string value, int width) => value.PadRight(width, Filler);

    // YYMMDD as printed; a pair of fillers stands for an unknown part (an unknown day of birth,
    // an expiry date the document does not have). The century is unknown, so 29 February is
    // possible in any year divisible by four (2000 was a leap year; 1900 is out of a holder's range).
    public static string? DateProblem(string value, string label)
    {
        if (value.Length != 6 || !value.All(c => IsDigit(c) || c == Filler))
        {
            return $"{label} {value} must be YYMMDD";
        }

        int? Pair(int start) =>
            value[start] == Filler && value[start + 1] == Filler ? null
            : IsDigit(value[start]) && IsDigit(value[start + 1]) ? ((value[start] - '0') * 10) + (value[start + 1] - '0')
            : -1;

        var year = Pair(0);
        var month = Pair(2);
        var day = Pair(4);
        if (year == -1 || month == -1 || day == -1)
        {
            return $"{label} {value} mixes digits and fillers within a part";
        }

        if (month is < 1 or > 12)
        {
            return $"{label} {value} has no month {value.Substring(2, 2)}";
        }

        var lastDay = month switch
        {
            null => 31,
            2 => year is null || year % 4 == 0 ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        if (day < 1 || day > lastDay)
        {
            return $"{label} {value} has no day {value.Substring(4, 2)}";
        }

        return null;
    }
}
