using System.Buffers;
using System.Globalization;
using Chancery.Core.Common;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Applications;

/// <summary>Fills in an application's travel document fields from the machine readable zone the applicant pasted.</summary>
public static class TravelDocumentFromMrz
{
    private const string Expected =
        "Paste the lines at the bottom of the document's photo page: 2 lines of 44 characters for a passport, " +
        "3 lines of 30 characters for an identity card, or 2 lines of 36 characters for other travel documents.";

    private static readonly SearchValues<char> ZoneCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");

    /// <summary>
    /// Reads two lines of 44 (TD3, passport), three of 30 (TD1, card) or two of 36 (TD2), separated by
    /// newlines or spaces or not at all, in upper or lower case. A wrong check digit, date or code is not
    /// a failure: the fields are filled in and <see cref="TravelDocumentFields.Warnings"/> says what to check.
    /// </summary>
    /// <param name="pasted">What the applicant typed or pasted.</param>
    /// <param name="today">Today, to give two-digit birth years their century and to see that a document has expired.</param>
    /// <returns>The fields, or a validation error on "mrz" when the text is not a zone of a travel document.</returns>
    public static Result<TravelDocumentFields> Read(string pasted, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pasted);

        // Whitespace is never part of a zone, so splitting on it loses nothing; only ASCII letters are
        // upper-cased, so that no other character (ı, é, «) turns into a zone character by accident.
        var parts = UpperAscii(pasted).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return Error.Validation("mrz", Expected);
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var bad = parts[i].AsSpan().IndexOfAnyExcept(ZoneCharacters);
            if (bad >= 0)
            {
                return Error.Validation(
                    "mrz",
                    $"Line {i + 1} has {Describe(parts[i][bad])} at position {bad + 1}, but the lines hold only letters A to Z, digits and <. {Expected}");
            }
        }

        if (Lines(parts) is not { } lines)
        {
            var lengths = string.Join(", ", parts.Select(p => p.Length.ToString(CultureInfo.InvariantCulture)));
            var found = parts.Length == 1 ? $"1 line of {lengths} characters" : $"{parts.Length} lines of {lengths} characters";
            return Error.Validation("mrz", $"{Expected} The text has {found}.");
        }

        MrzReading reading;
        try
        {
            reading = MrzParser.Parse(lines);
        }
        catch (MrzFormatException e)
        {
            return Error.Validation("mrz", $"{e.Message} {Expected}");
        }

        if (reading.Format is MrzFormat.MRVA or MrzFormat.MRVB)
        {
            return Error.Validation("mrz", $"These lines are from a visa, not from a travel document. {Expected}");
        }

        var warnings = new List<MrzWarning>();
        CheckDigits(reading.Checks, warnings);
        Code(reading.IssuingState, "mrz.issuing-state.unknown", "issuing state", warnings);
        Code(reading.Nationality, "mrz.nationality.unknown", "nationality", warnings);
        Name(reading, lines, warnings);
        var birth = BirthDate(reading.BirthDate, today, warnings);
        var expiry = ExpiryDate(reading.ExpiryDate, today, warnings);
        var sex = Sex(reading.Sex, warnings);

        return new TravelDocumentFields(
            reading.DocumentCode,
            reading.DocumentNumber,
            Countries.Find(reading.IssuingState)?.Alpha3 ?? reading.IssuingState,
            reading.Surname,
            reading.GivenNames,
            Countries.Find(reading.Nationality)?.Alpha3 ?? reading.Nationality,
            birth,
            sex,
            expiry,
            warnings);
    }

    private static string UpperAscii(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= 'a' and <= 'z' ? (char)(source[i] - 'a' + 'A') : source[i];
            }
        });

    private static string Describe(char c) =>
        c is > ' ' and < '\u007F' ? $"'{c}'" : $"'{c}' (U+{(int)c:X4})";

    // The lines as pasted, or one run of characters without any break cut at the format's width.
    // Breaks in other places are not moved: that would be guessing which character went missing.
    private static string[]? Lines(string[] parts) => parts switch
    {
        [{ Length: 44 }, { Length: 44 }] or [{ Length: 36 }, { Length: 36 }] or [{ Length: 30 }, { Length: 30 }, { Length: 30 }] => parts,
        [{ Length: 88 } one] => [one[..44], one[44..]],
        [{ Length: 72 } one] => [one[..36], one[36..]],
        [{ Length: 90 } one] => [one[..30], one[30..60], one[60..]],
        _ => null,
    };

    private static void CheckDigits(MrzChecks checks, List<MrzWarning> warnings)
    {
        if (!checks.DocumentNumber)
        {
            warnings.Add(new("mrz.check.number", "The check digit of the document number is wrong: check the number."));
        }

        if (!checks.BirthDate)
        {
            warnings.Add(new("mrz.check.birth-date", "The check digit of the date of birth is wrong: check the date of birth."));
        }

        if (!checks.ExpiryDate)
        {
            warnings.Add(new("mrz.check.expiry-date", "The check digit of the expiry date is wrong: check the expiry date."));
        }

        if (checks.OptionalData == false)
        {
            warnings.Add(new("mrz.check.personal-number", "The check digit of the personal number is wrong: check the second line."));
        }

        // A mistyped field also breaks the composite digit, which covers it: the composite warning is
        // only news when every field's own digit matches.
        if (checks.Composite == false && checks.DocumentNumber && checks.BirthDate && checks.ExpiryDate && checks.OptionalData != false)
        {
            warnings.Add(new("mrz.check.composite", "The composite check digit is wrong: check the lines you typed."));
        }
    }

    private static void Code(string code, string key, string label, List<MrzWarning> warnings)
    {
        if (!MrzCountryCodes.IsKnown(code))
        {
            warnings.Add(new(key, $"The {label} {code} is not a country code: choose the country yourself."));
        }
    }

    private static void Name(MrzReading reading, string[] lines, List<MrzWarning> warnings)
    {
        var field = reading.Format == MrzFormat.TD1 ? lines[2] : lines[0][5..];
        if (field.Any(char.IsAsciiDigit))
        {
            warnings.Add(new("mrz.name.digits", "The name contains digits, which a zone never has in a name: check the name."));
        }

        // Doc 9303 cuts a name that does not fit so that the field ends in a letter, never in a filler.
        if (field[^1] != '<')
        {
            warnings.Add(new("mrz.name.truncated", "The name fills the whole line and may have been cut short: check it against the document."));
        }
    }

    // Two-digit years: a date of birth is in the past, so 20YY if that is not after today, else 19YY.
    private static string? BirthDate(string yymmdd, DateOnly today, List<MrzWarning> warnings)
    {
        switch (Parts(yymmdd))
        {
            case null when yymmdd.Contains('<', StringComparison.Ordinal):
                warnings.Add(new("mrz.birth-date.partial", "The zone gives only part of the date of birth: type it as it is on the document."));
                return null;
            case var (yy, month, day) when Date(2000 + yy, month, day) is { } recent:
                return Format(recent <= today ? recent : Date(1900 + yy, month, day));
            default:
                warnings.Add(new("mrz.birth-date.invalid", $"The date of birth {yymmdd} is not a date: type it as it is on the document."));
                return null;
        }
    }

    // Two-digit years: an expiry date is 20YY. "<<<<<<" is a document without an expiry date.
    private static string? ExpiryDate(string yymmdd, DateOnly today, List<MrzWarning> warnings)
    {
        if (yymmdd.All(c => c == '<'))
        {
            return null;
        }

        if (Parts(yymmdd) is var (yy, month, day) && Date(2000 + yy, month, day) is { } expiry)
        {
            if (expiry < today)
            {
                warnings.Add(new("mrz.expired", $"The document expired on {Format(expiry)}."));
            }

            return Format(expiry);
        }

        warnings.Add(new("mrz.expiry-date.invalid", $"The expiry date {yymmdd} is not a date: type it as it is on the document."));
        return null;
    }

    // YYMMDD as three numbers; null when a part is not digits (fillers for an unknown part, or a misread letter).
    private static (int Year, int Month, int Day)? Parts(string yymmdd) =>
        yymmdd.Length == 6 && yymmdd.All(char.IsAsciiDigit)
            ? (Number(yymmdd, 0), Number(yymmdd, 2), Number(yymmdd, 4))
            : null;

    private static int Number(string text, int start) => ((text[start] - '0') * 10) + (text[start + 1] - '0');

    private static DateOnly? Date(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sex(string sex, List<MrzWarning> warnings)
    {
        switch (sex)
        {
            case "M" or "F" or "X":
                return sex;
            case "<":
                return "X";
            default:
                warnings.Add(new("mrz.sex.invalid", $"The sex {sex} in the zone is not M, F or <: choose it yourself."));
                return string.Empty;
        }
    }
}
