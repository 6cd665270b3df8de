using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Tests.Documents.Mrz;

public sealed class MrzParserTests
{
    private const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public void Parse_IcaoTd3Specimen_ReadsEveryField()
    {
        var reading = MrzParser.Parse([Td3Line1, Td3Line2]);

        Assert.Equal(
            new MrzReading(
                MrzFormat.TD3, "P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", "740812", "F", "120415",
                "ZE184226B", null, new MrzChecks(true, true, true, true, true), reading.Problems),
            reading);
        Assert.Empty(reading.Problems);
        Assert.True(reading.Valid);
    }

    [Fact]
    public void Parse_OneTextWithNewlinesAndSurroundingWhitespace_ReadsTheLines()
    {
        var reading = MrzParser.Parse($"  {Td3Line1}  \r\n\t{Td3Line2}\r\n\n");

        Assert.Equal("L898902C3", reading.DocumentNumber);
        Assert.True(reading.Valid);
    }

    [Theory]
    [InlineData("p<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "Line 1 has 'p' at position 1")]
    [InlineData("P<UTOERIKSSON<<ANNA MARIA<<<<<<<<<<<<<<<<<<<", "Line 1 has U+0020 at position 20")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<", "not 43, 44")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<", "not 45, 44")]
    [InlineData("P<UTOÉRIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "U+00C9 at position 6")]
    public void Parse_UnreadableFirstLine_ThrowsMrzFormatExceptionNamingTheProblem(string line1, string expected)
    {
        var exception = Assert.Throws<MrzFormatException>(() => MrzParser.Parse([line1, Td3Line2]));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Parse_WrongNumberOfLines_ThrowsMrzFormatException(int count)
    {
        var lines = Enumerable.Repeat(Td3Line2, count).ToList();

        var exception = Assert.Throws<MrzFormatException>(() => MrzParser.Parse(lines));

        Assert.Contains($"not {count}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThreeLinesOfTheWrongLength_ThrowsMrzFormatException()
    {
        Assert.Throws<MrzFormatException>(() => MrzParser.Parse([new string('<', 30), new string('<', 30), new string('<', 36)]));
    }

    [Fact]
    public void Parse_TwoLinesOfDifferentFormats_ThrowsMrzFormatException()
    {
        Assert.Throws<MrzFormatException>(() => MrzParser.Parse([Td3Line1, Td3Line2[..36]]));
    }

    [Fact]
    public void Parse_DeprecatedNationality_IsInvalidAndSaysWhy()
    {
        var reading = MrzParser.Parse(["VBD<<DEDIC<<SIDNAN<<<<<<<<<<<<<<<<<<", "D091740530BOS8201135M9708011<2020711"]);

        Assert.False(reading.Valid);
        Assert.True(reading.Checks.AllPassed);
        Assert.Equal(["nationality BOS is not a code Doc 9303 knows"], reading.Problems);
    }

    [Theory]
    [InlineData("741312", "has no month 13")]
    [InlineData("740230", "has no day 30")]
    [InlineData("750229", "has no day 29")]
    [InlineData("740400", "has no day 00")]
    [InlineData("74<812", "mixes digits and fillers")]
    public void Parse_ImpossibleBirthDate_IsInvalidAndSaysWhy(string birthDate, string expected)
    {
        var reading = MrzParser.Parse([Td3Line1, Td3WithBirthAndSex(birthDate, 'F')]);

        Assert.True(reading.Checks.AllPassed);
        Assert.False(reading.Valid);
        Assert.Contains(reading.Problems, p => p.StartsWith($"birth date {birthDate}", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("720229")]
    [InlineData("000229")]
    [InlineData("7408<<")]
    [InlineData("74<<<<")]
    [InlineData("<<<<<<")]
    public void Parse_PossibleOrPartlyUnknownBirthDate_IsValid(string birthDate)
    {
        var reading = MrzParser.Parse([Td3Line1, Td3WithBirthAndSex(birthDate, 'F')]);

        Assert.True(reading.Valid, string.Join("; ", reading.Problems));
        Assert.Equal(birthDate, reading.BirthDate);
    }

    [Theory]
    [InlineData('M', true)]
    [InlineData('X', true)]
    [InlineData('<', true)]
    [InlineData('Q', false)]
    [InlineData('1', false)]
    public void Parse_Sex_IsValidOnlyForMFXOrFiller(char sex, bool valid)
    {
        var reading = MrzParser.Parse([Td3Line1, Td3WithBirthAndSex("740812", sex)]);

        Assert.Equal(valid, reading.Valid);
        Assert.Equal(sex.ToString(), reading.Sex);
    }

    [Fact]
    public void Parse_Td1NumberMarkedContinuedButNotContinued_FailsTheDocumentNumberCheck()
    {
        var line1 = "I<UTOD23145890<<<<<<<<<<<<<<<<";
        var line2 = "7408122F1204159UTO<<<<<<<<<<<";
        line2 += MrzCheckDigit.Compute(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29]);

        var reading = MrzParser.Parse([line1, line2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]);

        Assert.False(reading.Checks.DocumentNumber);
        Assert.True(reading.Checks.Composite);
        Assert.Contains(reading.Problems, p => p.StartsWith("document number check digit is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Td3CodeNotStartingWithP_IsInvalid()
    {
        var reading = MrzParser.Parse(["I" + Td3Line1[1..], Td3Line2]);

        Assert.Equal(MrzFormat.TD3, reading.Format);
        Assert.Contains("document code I< on a TD3 zone does not start with P", reading.Problems);
    }

    [Fact]
    public void Parse_NameWithDigits_IsInvalid()
    {
        var reading = MrzParser.Parse(["P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", Td3Line2]);

        Assert.Contains("name contains digits", reading.Problems);
    }

    [Fact]
    public void Parse_Td1WithBothOptionalFields_ReportsLineOneAndKeepsLineTwo()
    {
        var line1 = "I<UTOD231458907ABC<<<<<<<<<<<<";
        var line2 = "7408122F1204159UTO1234<5678<<";
        line2 += MrzCheckDigit.Compute(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29]);

        var reading = MrzParser.Parse([line1, line2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]);

        Assert.True(reading.Valid, string.Join("; ", reading.Problems));
        Assert.Equal("ABC", reading.OptionalData);
        Assert.Equal("1234 5678", reading.OptionalData2);
    }

    // Line 2 of the ICAO TD3 specimen with another birth date and sex, every digit recomputed.
    private static string Td3WithBirthAndSex(string birthDate, char sex)
    {
        var line2 = $"L898902C36UTO{birthDate}{MrzCheckDigit.Compute(birthDate)}{sex}1204159ZE184226B<<<<<1";
        return line2 + MrzCheckDigit.Compute(line2[..10] + line2[13..20] + line2[21..43]);
    }
}
