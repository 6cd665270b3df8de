using System.Globalization;

namespace Chancery.Core.Documents.Mrz;

/// <summary>Reads TD1, TD2, TD3, MRV-A and MRV-B machine readable zones (ICAO Doc 9303).</summary>
public static class MrzParser
{
    /// <summary>Reads a zone given as one text, its lines separated by newlines.</summary>
    /// <exception cref="MrzFormatException">The text is not a zone: see <see cref="Parse(IEnumerable{string})"/>.</exception>
    public static MrzReading Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse([text]);
    }

    /// <summary>
    /// Reads a zone given line by line (a line may itself hold several lines separated by newlines).
    /// Whitespace around each line and blank lines are ignored. A zone that is readable but wrong
    /// is returned with <see cref="MrzReading.Valid"/> false and its <see cref="MrzReading.Problems"/>.
    /// </summary>
    /// <exception cref="MrzFormatException">
    /// Not 2 or 3 lines, lines of lengths no format has, or characters other than A–Z, 0–9 and &lt;
    /// (lower case included).
    /// </exception>
    public static MrzReading Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = lines
            .SelectMany(line => (line ?? throw new ArgumentException("A line is null.", nameof(lines))).Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();

        if (rows.Count is not (2 or 3))
        {
            throw new MrzFormatException($"A machine readable zone has 2 or 3 lines, not {rows.Count}.");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var bad = rows[i].AsSpan().IndexOfAnyExcept(MrzCharacters);
            if (bad >= 0)
            {
                throw new MrzFormatException(
                    $"Line {i + 1} has {Describe(rows[i][bad])} at position {bad + 1}; only A-Z, 0-9 and < are allowed.");
            }
        }

        var lengths = string.Join(", ", rows.Select(r => r.Length.ToString(CultureInfo.InvariantCulture)));
        if (rows.Count == 3)
        {
            return rows.All(r => r.Length == 30)
                ? ReadTd1(rows[0], rows[1], rows[2])
                : throw new MrzFormatException($"A 3-line zone (TD1) has lines of 30 characters, not {lengths}.");
        }

        var visa = rows[0][0] == 'V';
        return (rows[0].Length, rows[1].Length) switch
        {
            (44, 44) => ReadTwoLines(visa ? MrzFormat.MRVA : MrzFormat.TD3, rows[0], rows[1]),
            (36, 36) => ReadTwoLines(visa ? MrzFormat.MRVB : MrzFormat.TD2, rows[0], rows[1]),
            _ => throw new MrzFormatException($"A 2-line zone has lines of 44 (TD3, MRV-A) or 36 (TD2, MRV-B) characters, not {lengths}."),
        };
    }

    private static readonly System.Buffers.SearchValues<char> MrzCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");

    private static string Describe(char c) =>
        c is > ' ' and < '\u007F' ? $"'{c}'" : $"U+{(int)c:X4}";

    private static MrzReading ReadTd1(string line1, string line2, string line3)
    {
        var problems = new List<string>();
        var code = DocumentCode(line1[..2], MrzFormat.TD1, problems);
        var state = Country(line1[2..5], "issuing state", problems);
        var (number, numberOk, optional1) = DocumentNumber(line1[5..14], line1[14], line1[15..30], true, problems);
        var birth = Date(line2[..6], line2[6], "birth date", problems, out var birthOk);
        var sex = Sex(line2[7], problems);
        var expiry = Date(line2[8..14], line2[14], "expiry date", problems, out var expiryOk);
        var nationality = Country(line2[15..18], "nationality", problems);
        var optional2 = MrzFields.DecodeOptional(line2[18..29]);
        var compositeOk = Verify(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29], line2[29], "composite", problems);
        var (surname, givenNames) = Name(line3, problems);

        return new MrzReading(
            MrzFormat.TD1, code, state, surname, givenNames, number, nationality, birth, sex, expiry,
            optional1.Length > 0 ? optional1 : optional2, optional2,
            new MrzChecks(numberOk, birthOk, expiryOk, null, compositeOk), problems);
    }

    // TD2, TD3, MRV-A and MRV-B share line 1 and the first 28 characters of line 2.
    private static MrzReading ReadTwoLines(MrzFormat format, string line1, string line2)
    {
        var problems = new List<string>();
        var code = DocumentCode(line1[..2], format, problems);
        var state = Country(line1[2..5], "issuing state", problems);
        var (surname, givenNames) = Name(line1[5..], problems);
        var tail = line2[28..];
        var (number, numberOk, optional) = DocumentNumber(line2[..9], line2[9], format == MrzFormat.TD2 ? tail[..7] : tail, format == MrzFormat.TD2, problems);
        var nationality = Country(line2[10..13], "nationality", problems);
        var birth = Date(line2[13..19], line2[19], "birth date", problems, out var birthOk);
        var sex = Sex(line2[20], problems);
        var expiry = Date(line2[21..27], line2[27], "expiry date", problems, out var expiryOk);

        bool? optionalOk = null;
        bool? compositeOk = null;
        if (format == MrzFormat.TD3)
        {
            var personalNumber = line2[28..42];
            optionalOk = personalNumber.All(c => c == MrzFields.Filler)
                ? CheckEmptyPersonalNumber(line2[42], problems)
                : Verify(personalNumber, line2[42], "personal number", problems);
            optional = MrzFields.DecodeOptional(personalNumber);
            compositeOk = Verify(line2[..10] + line2[13..20] + line2[21..43], line2[43], "composite", problems);
        }
        else if (format == MrzFormat.TD2)
        {
            compositeOk = Verify(line2[..10] + line2[13..20] + line2[21..35], line2[35], "composite", problems);
        }

        return new MrzReading(
            format, code, state, surname, givenNames, number, nationality, birth, sex, expiry,
            optional, null, new MrzChecks(numberOk, birthOk, expiryOk, optionalOk, compositeOk), problems);
    }

    // An empty personal number has check digit < (Doc 9303 Part 4) or, on some passports, 0.
    private static bool CheckEmptyPersonalNumber(char digit, List<string> problems)
    {
        if (digit is MrzFields.Filler or '0')
        {
            return true;
        }

        problems.Add($"personal number check digit is {digit}, expected < or 0 for an empty personal number");
        return false;
    }

    // A TD1 or TD2 document number longer than 9 characters has a filler in place of its check
    // digit; the rest of the number follows in the optional data, then the check digit, then a filler.
    private static (string Number, bool Ok, string Optional) DocumentNumber(
        string field, char digit, string optional, bool mayContinue, List<string> problems)
    {
        if (field.All(c => c == MrzFields.Filler))
        {
            problems.Add("document number is empty");
        }

        if (digit != MrzFields.Filler || !mayContinue)
        {
            var ok = Verify(field, digit, "document number", problems);
            return (field.TrimEnd(MrzFields.Filler), ok, MrzFields.DecodeOptional(optional));
        }

        var end = optional.IndexOf(MrzFields.Filler, StringComparison.Ordinal);
        if (end < 0)
        {
            end = optional.Length;
        }

        if (end < 2)
        {
            problems.Add("document number check digit is missing: the number is marked as continued, but the optional data does not continue it");
            return (field.TrimEnd(MrzFields.Filler), false, MrzFields.DecodeOptional(optional));
        }

        var continuation = optional[..(end - 1)];
        var check = optional[end - 1];
        var number = field + continuation;

        // Doc 9303 computes the digit over the whole number; some Belgian cards computed it over the
        // printed characters, filler included (PRADO BEL-BO-03003). Both are accepted.
        var expected = MrzCheckDigit.Compute(number);
        var withFiller = MrzCheckDigit.Compute(field + MrzFields.Filler + continuation);
        var ok2 = check == expected || check == withFiller;
        if (!ok2)
        {
            problems.Add($"document number check digit is {check}, expected {expected} ({withFiller} counting the filler)");
        }

        var rest = end < optional.Length ? optional[(end + 1)..] : string.Empty;
        return (number, ok2, MrzFields.DecodeOptional(rest));
    }

    private static bool Verify(string data, char digit, string label, List<string> problems)
    {
        var expected = MrzCheckDigit.Compute(data);
        if (digit == expected)
        {
            return true;
        }

        problems.Add($"{label} check digit is {digit}, expected {expected}");
        return false;
    }

    private static string Date(string value, char digit, string label, List<string> problems, out bool checkOk)
    {
        checkOk = Verify(value, digit, label, problems);
        if (MrzFields.DateProblem(value, label) is { } problem)
        {
            problems.Add(problem);
        }

        return value;
    }

    private static string DocumentCode(string raw, MrzFormat format, List<string> problems)
    {
        var first = raw[0];
        if (!MrzFields.IsLetter(first))
        {
            problems.Add($"document code {raw} does not start with a letter");
        }
        else if (format == MrzFormat.TD3 && first != 'P')
        {
            problems.Add($"document code {raw} on a TD3 zone does not start with P");
        }
        else if (format is MrzFormat.TD1 or MrzFormat.TD2 && first is not ('A' or 'C' or 'I'))
        {
            problems.Add($"document code {raw} on a {format} zone does not start with A, C or I");
        }

        if (MrzFields.IsDigit(raw[1]))
        {
            problems.Add($"document code {raw} has a digit");
        }

        return raw.TrimEnd(MrzFields.Filler);
    }

    private static string Country(string raw, string label, List<string> problems)
    {
        var code = raw.TrimEnd(MrzFields.Filler);
        if (!MrzCountryCodes.IsKnown(code))
        {
            problems.Add($"{label} {raw} is not a code Doc 9303 knows");
        }

        return code;
    }

    private static string Sex(char value, List<string> problems)
    {
        if (!MrzFields.IsSex(value))
        {
            problems.Add($"sex {value} is not M, F, X or <");
        }

        return value.ToString();
    }

    private static (string Surname, string GivenNames) Name(string field, List<string> problems)
    {
        if (field[0] == MrzFields.Filler)
        {
            problems.Add("name has no primary identifier (surname)");
        }

        if (field.Any(MrzFields.IsDigit))
        {
            problems.Add("name contains digits");
        }

        var separator = field.IndexOf("<<", StringComparison.Ordinal);
        return separator < 0
            ? (Words(field), string.Empty)
            : (Words(field[..separator]), Words(field[(separator + 2)..]));
    }

    private static string Words(string field) =>
        string.Join(' ', field.Split(MrzFields.Filler, StringSplitOptions.RemoveEmptyEntries));
}
