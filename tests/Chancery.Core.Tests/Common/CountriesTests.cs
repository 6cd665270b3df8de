using Chancery.Core.Common;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Tests.Common;

public sealed class CountriesTests
{
    [Fact]
    public void All_HasThe249IsoCountries()
    {
        Assert.Equal(249, Countries.All.Count(c => c.IsIsoCountry));
    }

    [Fact]
    public void All_CodesAndNamesAreUnique()
    {
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Alpha3).Distinct(StringComparer.Ordinal).Count());
        var alpha2 = Countries.All.Where(c => c.Alpha2.Length > 0).Select(c => c.Alpha2).ToList();
        Assert.Equal(alpha2.Count, alpha2.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.English).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.French).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_IsoEntriesHaveTwoLetterAndThreeLetterCodesAndCapitalizedNames()
    {
        Assert.All(Countries.All, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Alpha3);
            Assert.Matches(c.IsIsoCountry ? "^[A-Z]{2}$" : "^([A-Z]{2})?$", c.Alpha2);
            Assert.True(char.IsUpper(c.English[0]), c.English);
            Assert.True(char.IsUpper(c.French[0]), c.French);
        });
    }

    [Theory]
    [InlineData("FRA", "FR", "France", "France")]
    [InlineData("DEU", "DE", "Germany", "Allemagne")]
    [InlineData("CIV", "CI", "Côte d'Ivoire", "Côte d'Ivoire")]
    [InlineData("USA", "US", "United States", "États-Unis")]
    [InlineData("GBR", "GB", "United Kingdom", "Royaume-Uni")]
    [InlineData("EGY", "EG", "Egypt", "Égypte")]
    [InlineData("ARE", "AE", "United Arab Emirates", "Émirats arabes unis")]
    public void Find_IsoCode_GivesBothNames(string alpha3, string alpha2, string english, string french)
    {
        Assert.Equal(new Country(alpha3, alpha2, english, french), Countries.Find(alpha3));
    }

    [Theory]
    [InlineData("D")]
    [InlineData("D<<")]
    [InlineData("deu")]
    public void Find_GermanysMrzCode_GivesGermany(string code)
    {
        Assert.Equal("DEU", Countries.Find(code)?.Alpha3);
    }

    [Fact]
    public void Find_UnknownOrDeprecatedCode_GivesNull()
    {
        Assert.Null(Countries.Find("BOS"));
        Assert.Null(Countries.Find("YUG"));
    }

    [Fact]
    public void All_DoesNotListGermanysOneLetterCode()
    {
        Assert.DoesNotContain(Countries.All, c => c.Alpha3 == "D");
    }

    [Fact]
    public void IsoEntries_AreExactlyTheCodesMrzCountryCodesTakesForIso()
    {
        var iso = Countries.All.Where(c => c.IsIsoCountry).Select(c => c.Alpha3).ToHashSet(StringComparer.Ordinal);

        Assert.True(iso.SetEquals(MrzCountryCodes.Iso3166Alpha3));
    }

    [Fact]
    public void EveryEntry_IsACodeMrzCountryCodesKnows()
    {
        Assert.All(Countries.All, c => Assert.True(MrzCountryCodes.IsKnown(c.Alpha3), c.Alpha3));
    }

    // MrzCountryCodes exposes its ISO list only, so its Doc 9303 additions are repeated here; the
    // specimen-only codes (UTO, ASU, INP) are deliberately not offered to applicants.
    [Theory]
    [InlineData("GBD", CountryKind.PersonCategory)]
    [InlineData("GBN", CountryKind.PersonCategory)]
    [InlineData("GBO", CountryKind.PersonCategory)]
    [InlineData("GBP", CountryKind.PersonCategory)]
    [InlineData("GBS", CountryKind.PersonCategory)]
    [InlineData("UNO", CountryKind.Organization)]
    [InlineData("UNA", CountryKind.Organization)]
    [InlineData("UNK", CountryKind.PersonCategory)]
    [InlineData("EUE", CountryKind.Organization)]
    [InlineData("XBA", CountryKind.Organization)]
    [InlineData("XIM", CountryKind.Organization)]
    [InlineData("XCC", CountryKind.Organization)]
    [InlineData("XCE", CountryKind.Organization)]
    [InlineData("XCO", CountryKind.Organization)]
    [InlineData("XEC", CountryKind.Organization)]
    [InlineData("XPO", CountryKind.Organization)]
    [InlineData("XES", CountryKind.Organization)]
    [InlineData("XMP", CountryKind.Organization)]
    [InlineData("XOM", CountryKind.Organization)]
    [InlineData("XDC", CountryKind.Organization)]
    [InlineData("XXA", CountryKind.PersonCategory)]
    [InlineData("XXB", CountryKind.PersonCategory)]
    [InlineData("XXC", CountryKind.PersonCategory)]
    [InlineData("XXX", CountryKind.PersonCategory)]
    [InlineData("RKS", CountryKind.Territory)]
    public void Find_Doc9303Code_IsNamedAndNotAnIsoCountry(string code, CountryKind kind)
    {
        Assert.True(MrzCountryCodes.IsKnown(code));
        var country = Countries.Find(code);

        Assert.NotNull(country);
        Assert.Equal(kind, country.Kind);
        Assert.False(country.IsIsoCountry);
        Assert.Equal(code == "RKS", country.IsPlace);
    }

    [Fact]
    public void Sorted_French_PutsEgyptWhereAFrenchReaderLooksForIt()
    {
        var names = Countries.Sorted(french: true).Where(c => c.IsIsoCountry).Select(c => c.French).ToList();

        Assert.Equal(["Djibouti", "Dominique", "Égypte", "El Salvador", "Émirats arabes unis", "Équateur"], Slice(names, "Djibouti", 6));
        Assert.Equal(["Estonie", "Eswatini", "États-Unis", "Éthiopie"], Slice(names, "Estonie", 4));
        Assert.Equal(249, names.Count);
    }

    [Fact]
    public void Sorted_English_OrdersAccentsWithTheirLetter()
    {
        var names = Countries.Sorted(french: false).Where(c => c.IsIsoCountry).Select(c => c.English).ToList();

        Assert.Equal(["Costa Rica", "Côte d'Ivoire", "Croatia"], Slice(names, "Costa Rica", 3));
        Assert.True(names.IndexOf("Åland Islands") < names.IndexOf("Albania"));
    }

    [Fact]
    public void Sorted_BirthCountryList_HasTheIsoCountriesAndKosovo()
    {
        var places = Countries.Sorted(french: true).Where(c => c.IsPlace).ToList();

        Assert.Equal(250, places.Count);
        Assert.Contains(places, c => c.Alpha3 == "RKS");
        Assert.DoesNotContain(places, c => c.Alpha3 is "UNO" or "XXA");
    }

    private static List<string> Slice(List<string> names, string first, int count) =>
        names.Skip(names.IndexOf(first)).Take(count).ToList();
}
