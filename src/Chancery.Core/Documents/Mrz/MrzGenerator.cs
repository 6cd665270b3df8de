namespace Chancery.Core.Documents.Mrz;

/// <summary>Writes TD1, TD2, TD3, MRV-A and MRV-B machine readable zones (ICAO Doc 9303).</summary>
public static class MrzGenerator
{
    private const int LongNumberPrefix = 9;

    // The name of Generate's parameter, for the ArgumentExceptions its helpers throw.
    private static readonly string DataParameter = "data";

    /// <summary>
    /// The lines of the zone, with every check digit. Names are transliterated and truncated to
    /// fit; a TD1 or TD2 document number longer than 9 characters continues in the optional data.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A field the zone cannot hold: unknown country code, impossible date, document number
    /// longer than the format allows (9 on TD3 and visas), optional data too long, and so on.
    /// </exception>
    public static IReadOnlyList<string> Generate(MrzFormat format, MrzData data)
    {
        ArgumentNullException.ThrowIfNull(data);

        var code = DocumentCode(format, data.DocumentCode);
        var state = Country(data.IssuingState, "issuing state");
        var nationality = Country(data.Nationality, "nationality");
        var number = DocumentNumber(format, data.DocumentNumber);
        var birth = Date(data.BirthDate, "birth date");
        var expiry = Date(data.ExpiryDate, "expiry date");
        var sex = data.Sex is { Length: 1 } s && MrzFields.IsSex(s[0])
            ? s
            : throw Invalid($"Sex {data.Sex} is not M, F, X or <.");
        var optional = Optional(data.OptionalData, "optional data");
        var optional2 = Optional(data.OptionalData2, "second optional data");
        if (format != MrzFormat.TD1 && optional2.Length > 0)
        {
            throw Invalid($"A {format} zone has no second optional data field.");
        }

        // Birth date and its digit, sex, expiry date and its digit: the same run in every format.
        var dates = $"{birth}{MrzCheckDigit.Compute(birth)}{sex}{expiry}{MrzCheckDigit.Compute(expiry)}";

        switch (format)
        {
            case MrzFormat.TD1:
            {
                var (numberField, optional1) = NumberAndOptional(number, optional, 15, format);
                var line1 = $"{code}{state}{numberField}{optional1}";
                var line2 = $"{dates}{nationality}{MrzFields.Pad(Fit(optional2, 11, "second optional data", format), 11)}";
                var composite = MrzCheckDigit.Compute(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29]);
                return [line1, line2 + composite, MrzNames.FormatNameField(data.Surname, data.GivenNames, 30)];
            }

            case MrzFormat.TD2:
            {
                var (numberField, optionalField) = NumberAndOptional(number, optional, 7, format);
                var line2 = $"{numberField}{nationality}{dates}{optionalField}";
                var composite = MrzCheckDigit.Compute(line2[..10] + line2[13..20] + line2[21..35]);
                return [NameLine(code, state, data, 36), line2 + composite];
            }

            case MrzFormat.TD3:
            {
                var personal = MrzFields.Pad(Fit(optional, 14, "personal number", format), 14);
                var personalDigit = optional.Length == 0 ? MrzFields.Filler : MrzCheckDigit.Compute(personal);
                var line2 = $"{number}{MrzCheckDigit.Compute(number)}{nationality}{dates}{personal}{personalDigit}";
                var composite = MrzCheckDigit.Compute(line2[..10] + line2[13..20] + line2[21..43]);
                return [NameLine(code, state, data, 44), line2 + composite];
            }

            case MrzFormat.MRVA:
            case MrzFormat.MRVB:
            {
                var width = format == MrzFormat.MRVA ? 44 : 36;
                var optionalField = MrzFields.Pad(Fit(optional, width - 28, "optional data", format), width - 28);
                var line2 = $"{number}{MrzCheckDigit.Compute(number)}{nationality}{dates}{optionalField}";
                return [NameLine(code, state, data, width), line2];
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown MRZ format.");
        }
    }

    // Every rejection names Generate's parameter: the fault is in the data record.
    private static ArgumentException Invalid(string message) => new(message, DataParameter);

    private static string NameLine(string code, string state, MrzData data, int width) =>
        code + state + MrzNames.FormatNameField(data.Surname, data.GivenNames, width - 5);

    // The 9-character number field with its check digit, and the optional data field. A longer
    // number puts a filler where its check digit would be and continues in the optional data,
    // followed by the check digit (over the whole number) and a filler before any optional data.
    private static (string NumberField, string OptionalField) NumberAndOptional(
        string number, string optional, int optionalWidth, MrzFormat format)
    {
        if (number.Length <= LongNumberPrefix)
        {
            var field = MrzFields.Pad(number, LongNumberPrefix);
            return (field + MrzCheckDigit.Compute(field), MrzFields.Pad(Fit(optional, optionalWidth, "optional data", format), optionalWidth));
        }

        var continuation = $"{number[LongNumberPrefix..]}{MrzCheckDigit.Compute(number)}{MrzFields.Filler}{optional}";
        if (continuation.Length > optionalWidth)
        {
            throw Invalid(
                $"Document number {number} and optional data do not fit a {format} zone: the {number.Length - LongNumberPrefix} extra characters, check digit, filler and optional data must fit in {optionalWidth}.");
        }

        return (number[..LongNumberPrefix] + MrzFields.Filler, MrzFields.Pad(continuation, optionalWidth));
    }

    private static string Fit(string value, int width, string label, MrzFormat format) =>
        value.Length <= width
            ? value
            : throw Invalid($"The {label} {value} is longer than the {width} characters of a {format} zone.");

    private static string DocumentCode(MrzFormat format, string? value)
    {
        if (value is not { Length: 1 or 2 } || !MrzFields.IsLetter(value[0]) || (value.Length == 2 && !(MrzFields.IsLetter(value[1]) || value[1] == MrzFields.Filler)))
        {
            throw Invalid($"Document code {value} must be one letter, optionally followed by a letter or <.");
        }

        var allowed = format switch
        {
            MrzFormat.TD3 => "P",
            MrzFormat.MRVA or MrzFormat.MRVB => "V",
            _ => "ACI",
        };
        if (!allowed.Contains(value[0], StringComparison.Ordinal))
        {
            throw Invalid($"A {format} document code starts with one of {allowed}, not {value}.");
        }

        return MrzFields.Pad(value, 2);
    }

    private static string Country(string? value, string label) =>
        value is not null && MrzCountryCodes.IsKnown(value)
            ? MrzFields.Pad(value, 3)
            : throw Invalid($"The {label} {value} is not a code Doc 9303 knows.");

    private static string DocumentNumber(MrzFormat format, string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.All(MrzFields.IsAlphanumeric))
        {
            throw Invalid($"Document number {value} must be upper-case letters A-Z and digits.");
        }

        if (value.Length > LongNumberPrefix && format is not (MrzFormat.TD1 or MrzFormat.TD2))
        {
            throw Invalid(
                $"Document number {value} is longer than 9 characters; only TD1 and TD2 zones can continue it in the optional data.");
        }

        return format is MrzFormat.TD1 or MrzFormat.TD2 ? value : MrzFields.Pad(value, LongNumberPrefix);
    }

    private static string Date(string? value, string label)
    {
        var problem = value is null ? $"{label} is missing" : MrzFields.DateProblem(value, label);
        return problem is null ? value! : throw Invalid($"The {problem}.");
    }

    private static string Optional(string? value, string label)
    {
        value ??= string.Empty;
        return value.All(c => MrzFields.IsAlphanumeric(c) || c is ' ' or MrzFields.Filler)
            ? MrzFields.EncodeOptional(value)
            : throw Invalid($"The {label} {value} may hold only A-Z, 0-9 and spaces.");
    }
}
