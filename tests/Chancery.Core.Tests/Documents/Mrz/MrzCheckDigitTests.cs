using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Tests.Documents.Mrz;

public sealed class MrzCheckDigitTests
{
    [Theory]
    [InlineData("L898902C3", '6')] // ICAO TD3 specimen document number
    [InlineData("740812", '2')]
    [InlineData("120415", '9')]
    [InlineData("ZE184226B<<<<<", '1')]
    [InlineData("D23145890", '7')] // ICAO TD1 specimen
    [InlineData("D23145890734", '9')] // ICAO long document number (Doc 9303 Part 11)
    [InlineData("<<<<<<", '0')]
    [InlineData("", '0')]
    [InlineData("520727", '3')]
    public void Compute_KnownField_GivesPublishedDigit(string field, char digit)
    {
        Assert.Equal(digit, MrzCheckDigit.Compute(field));
    }

    [Fact]
    public void Compute_TrailingFillers_DoNotChangeTheDigit()
    {
        Assert.Equal(MrzCheckDigit.Compute("A1234567"), MrzCheckDigit.Compute("A1234567<"));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('A', 10)]
    [InlineData('Z', 35)]
    [InlineData('<', 0)]
    public void ValueOf_MrzCharacter_FollowsDoc9303(char c, int value)
    {
        Assert.Equal(value, MrzCheckDigit.ValueOf(c));
    }

    [Theory]
    [InlineData('a')]
    [InlineData(' ')]
    [InlineData('É')]
    public void ValueOf_OtherCharacter_Throws(char c)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MrzCheckDigit.ValueOf(c));
    }
}
