using Chancery.Core.Documents.Mrz;
using Chancery.Core.Screening.Import;

namespace Chancery.Core.Tests.Screening.Import;

public sealed class CountryNamesTests
{
    [Fact]
    public void Entries_EveryCode_IsACurrentIsoAssignment()
    {
        Assert.All(CountryNames.Entries, e => Assert.Contains(e.Value, MrzCountryCodes.Iso3166Alpha3));
    }

    [Theory]
    [InlineData("Korea, North", "PRK")]
    [InlineData("Democratic People's Republic of Korea", "PRK")]
    [InlineData("Burma", "MMR")]
    [InlineData("possibly Palestinian", "PSE")]
    [InlineData(" russian federation ", "RUS")]
    [InlineData("fra", "FRA")]
    [InlineData("USSR (until 1991)", null)]
    [InlineData("Kosovo", null)]
    [InlineData("Bahrain (citizenship revoked in Jan. 2015)", null)]
    public void ToAlpha3_SourceText_MapsOnlyWhatItKnows(string text, string? expected)
    {
        Assert.Equal(expected, CountryNames.ToAlpha3(text));
    }
}
