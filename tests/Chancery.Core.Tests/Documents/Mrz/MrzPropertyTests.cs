using Chancery.Core.Documents.Mrz;
using CsCheck;

namespace Chancery.Core.Tests.Documents.Mrz;

public sealed class MrzPropertyTests
{
    private const string Noise = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<abcxyz \t\r\n\u00A0ÉßЖ\u0301\uD800😀-',.";

    [Theory]
    [InlineData(MrzFormat.TD1)]
    [InlineData(MrzFormat.TD2)]
    [InlineData(MrzFormat.TD3)]
    [InlineData(MrzFormat.MRVA)]
    [InlineData(MrzFormat.MRVB)]
    public void Parse_GeneratedZone_GivesBackTheDataAndIsValid(MrzFormat format)
    {
        MrzTestData.For(format).Sample(data =>
        {
            var lines = MrzGenerator.Generate(format, data);
            var reading = MrzParser.Parse(lines);

            Assert.True(reading.Valid, $"{string.Join(" / ", lines)}: {string.Join("; ", reading.Problems)}");
            Assert.Equal(format, reading.Format);
            Assert.Equal(data.DocumentCode, reading.DocumentCode);
            Assert.Equal(data.IssuingState, reading.IssuingState);
            Assert.Equal(data.Surname, reading.Surname);
            Assert.Equal(data.GivenNames, reading.GivenNames);
            Assert.Equal(data.DocumentNumber, reading.DocumentNumber);
            Assert.Equal(data.Nationality, reading.Nationality);
            Assert.Equal(data.BirthDate, reading.BirthDate);
            Assert.Equal(data.Sex, reading.Sex);
            Assert.Equal(data.ExpiryDate, reading.ExpiryDate);
            if (format == MrzFormat.TD1)
            {
                Assert.Equal(data.OptionalData.Length > 0 ? data.OptionalData : data.OptionalData2, reading.OptionalData);
                Assert.Equal(data.OptionalData2, reading.OptionalData2);
            }
            else
            {
                Assert.Equal(data.OptionalData, reading.OptionalData);
                Assert.Null(reading.OptionalData2);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Parse_RandomText_ThrowsNothingButMrzFormatException()
    {
        var line = Gen.OneOf(
            Gen.Char[Noise].Array[0, 50],
            Gen.Char[Noise].Array[30],
            Gen.Char[Noise].Array[36],
            Gen.Char[Noise].Array[44]).Select(c => new string(c));

        line.Array[0, 4].Sample(lines => ParseOrFormatException(lines), iter: 10_000);
    }

    [Fact]
    public void Parse_AnyLinesOfMrzCharactersAndRightLengths_NeverThrows()
    {
        var mrzLine = (int length) => Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"].Array[length].Select(c => new string(c));
        var zone = Gen.OneOf(
            mrzLine(30).Array[3],
            mrzLine(36).Array[2],
            mrzLine(44).Array[2],
            Gen.Select(mrzLine(1), mrzLine(43), mrzLine(44)).Select((v, rest, line2) => new[] { "V" + rest, line2 }),
            Gen.Select(mrzLine(1), mrzLine(35), mrzLine(36)).Select((v, rest, line2) => new[] { "V" + rest, line2 }));

        zone.Sample(lines =>
        {
            var reading = MrzParser.Parse(lines);
            Assert.Equal(reading.Valid, reading.Problems.Count == 0);
        }, iter: 10_000);
    }

    [Fact]
    public void Parse_MutatedValidZone_ThrowsNothingButMrzFormatException()
    {
        var zone = Gen.OneOf(Enum.GetValues<MrzFormat>().Select(f => MrzTestData.For(f).Select(d => MrzGenerator.Generate(f, d))).ToArray());
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[0, 45], Gen.Char[Noise]);

        Gen.Select(zone, mutation.Array[1, 4]).Sample((lines, mutations) =>
        {
            var mutated = lines.ToList();
            foreach (var (kind, row, column, c) in mutations)
            {
                var r = row % mutated.Count;
                var text = mutated[r];
                var at = Math.Min(column, text.Length);
                mutated[r] = kind switch
                {
                    0 => text.Length == 0 ? text : text[..Math.Min(at, text.Length - 1)] + c + text[(Math.Min(at, text.Length - 1) + 1)..],
                    1 => text.Insert(at, c.ToString()),
                    2 => text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), 1),
                    3 => text + "\n" + text,
                    _ => string.Empty,
                };
            }

            ParseOrFormatException(mutated);
        }, iter: 10_000);
    }

    private static void ParseOrFormatException(IReadOnlyList<string> lines)
    {
        try
        {
            MrzParser.Parse(lines);
        }
        catch (MrzFormatException)
        {
            // Unreadable input is expected; any other exception fails the sample.
        }
    }
}
