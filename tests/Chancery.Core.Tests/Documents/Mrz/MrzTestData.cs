using Chancery.Core.Documents.Mrz;
using CsCheck;

namespace Chancery.Core.Tests.Documents.Mrz;

// CsCheck generators of data every format can hold, for the property tests.
internal static class MrzTestData
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly string[] Countries =
        [.. MrzCountryCodes.Iso3166Alpha3, "D", "UTO", "XXA", "XXX", "GBD", "EUE", "UNO", "RKS"];

    private static readonly Gen<string> Date =
        Gen.Select(Gen.Int[0, 99], Gen.Int[1, 12], Gen.Int[1, 31])
            .Where((_, month, day) => day <= (month == 2 ? 28 : 30))
            .Select((year, month, day) => $"{year:00}{month:00}{day:00}");

    // Birth dates may lack the day or the month and day; expiry dates may be absent.
    private static readonly Gen<string> BirthDate = Gen.Frequency(
        (8, Date),
        (1, Date.Select(d => d[..4] + "<<")),
        (1, Date.Select(d => d[..2] + "<<<<")));

    private static readonly Gen<string> ExpiryDate = Gen.Frequency((9, Date), (1, Gen.Const("<<<<<<")));

    public static Gen<MrzData> For(MrzFormat format)
    {
        var (width, maxNumber) = format switch
        {
            MrzFormat.TD1 => (30, 22),
            MrzFormat.TD2 => (31, 14),
            MrzFormat.TD3 or MrzFormat.MRVA => (39, 9),
            _ => (31, 9),
        };
        var firstLetters = format switch
        {
            MrzFormat.TD3 => "P",
            MrzFormat.MRVA or MrzFormat.MRVB => "V",
            _ => "ACI",
        };

        var code = Gen.Select(Gen.Char[firstLetters], Gen.OneOf(Gen.Const(""), Gen.Char['A', 'Z'].Select(c => c.ToString())))
            .Select((first, second) => first + second);
        var number = Gen.Char[Alphanumeric].Array[1, maxNumber].Select(c => new string(c));
        var names = Gen.Select(Words(1, 3, 12), Gen.OneOf(Gen.Const(""), Words(1, 3, 10)))
            .Where((surname, given) => surname.Length + (given.Length == 0 ? 0 : given.Length + 2) <= width);

        return Gen.Select(code, Gen.OneOf(Countries), Gen.OneOf(Countries), names, number, BirthDate, Gen.OneOf("M", "F", "X", "<"), ExpiryDate)
            .SelectMany(
                (code, state, nationality, names, number, birth, sex, expiry) =>
                    Gen.Select(Optional(OptionalWidth(format, number.Length)), Optional(format == MrzFormat.TD1 ? 11 : 0))
                        .Select((optional, optional2) => new MrzData
                        {
                            DocumentCode = code,
                            IssuingState = state,
                            Surname = names.Item1,
                            GivenNames = names.Item2,
                            DocumentNumber = number,
                            Nationality = nationality,
                            BirthDate = birth,
                            Sex = sex,
                            ExpiryDate = expiry,
                            OptionalData = optional,
                            OptionalData2 = optional2,
                        }));
    }

    // Room left for optional data once a long document number has continued into it
    // (its extra characters, check digit and a filler).
    private static int OptionalWidth(MrzFormat format, int numberLength)
    {
        var continuation = numberLength > 9 ? numberLength - 9 + 2 : 0;
        return format switch
        {
            MrzFormat.TD1 => 15 - continuation,
            MrzFormat.TD2 => 7 - continuation,
            MrzFormat.TD3 => 14,
            MrzFormat.MRVA => 16,
            _ => 8,
        };
    }

    private static Gen<string> Words(int minWords, int maxWords, int maxLetters) =>
        Gen.Char['A', 'Z'].Array[1, maxLetters].Select(c => new string(c)).Array[minWords, maxWords].Select(w => string.Join(' ', w));

    // Words of letters and digits, one space between them, none at either end: what reads back unchanged.
    private static Gen<string> Optional(int width) =>
        width <= 0
            ? Gen.Const("")
            : Gen.Char[Alphanumeric + "     "].Array[0, width]
                .Select(c => string.Join(' ', new string(c).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
