using System.Collections.Frozen;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Screening.Import;

/// <summary>
/// Country names and demonyms as the OFAC and UN lists write them, to ISO 3166-1 alpha-3.
/// Deliberately small: the names those lists use plus the usual ISO short names. Text that is not
/// here (former states, regions, notes such as "citizenship revoked") stays unmapped rather than guessed.
/// </summary>
public static class CountryNames
{
    private static readonly FrozenDictionary<string, string> Table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Afghanistan"] = "AFG", ["Afghan"] = "AFG", ["Albania"] = "ALB", ["Algeria"] = "DZA", ["Algerian"] = "DZA",
        ["Angola"] = "AGO", ["Antigua and Barbuda"] = "ATG", ["Argentina"] = "ARG", ["Armenia"] = "ARM",
        ["Australia"] = "AUS", ["Austria"] = "AUT", ["Azerbaijan"] = "AZE", ["Bahamas"] = "BHS", ["Bahrain"] = "BHR",
        ["Bangladesh"] = "BGD", ["Barbados"] = "BRB", ["Belarus"] = "BLR", ["Belgium"] = "BEL", ["Belize"] = "BLZ",
        ["Benin"] = "BEN", ["Bolivia"] = "BOL", ["Bosnia and Herzegovina"] = "BIH", ["Botswana"] = "BWA",
        ["Brazil"] = "BRA", ["Bulgaria"] = "BGR", ["Burkina Faso"] = "BFA", ["Burma"] = "MMR", ["Myanmar"] = "MMR",
        ["Burundi"] = "BDI", ["Cabo Verde"] = "CPV", ["Cape Verde"] = "CPV", ["Cambodia"] = "KHM", ["Cameroon"] = "CMR",
        ["Canada"] = "CAN", ["Central African Republic"] = "CAF", ["Chad"] = "TCD", ["Chile"] = "CHL", ["China"] = "CHN",
        ["Colombia"] = "COL", ["Comoros"] = "COM", ["Congo"] = "COG", ["Congo, Republic of the"] = "COG",
        ["Congo, Democratic Republic of the"] = "COD", ["Democratic Republic of the Congo"] = "COD",
        ["Costa Rica"] = "CRI", ["Cote d'Ivoire"] = "CIV", ["Côte d'Ivoire"] = "CIV", ["Croatia"] = "HRV", ["Cuba"] = "CUB",
        ["Cyprus"] = "CYP", ["Czech Republic"] = "CZE", ["Czechia"] = "CZE", ["Denmark"] = "DNK", ["Djibouti"] = "DJI",
        ["Dominica"] = "DMA", ["Dominican Republic"] = "DOM", ["Ecuador"] = "ECU", ["Egypt"] = "EGY",
        ["El Salvador"] = "SLV", ["Equatorial Guinea"] = "GNQ", ["Eritrea"] = "ERI", ["Estonia"] = "EST",
        ["Ethiopia"] = "ETH", ["Ethiopian"] = "ETH", ["Finland"] = "FIN", ["France"] = "FRA", ["Gabon"] = "GAB",
        ["Gambia"] = "GMB", ["The Gambia"] = "GMB", ["Georgia"] = "GEO", ["Germany"] = "DEU", ["Ghana"] = "GHA",
        ["Greece"] = "GRC", ["Guatemala"] = "GTM", ["Guinea"] = "GIN", ["Guinea-Bissau"] = "GNB", ["Guyana"] = "GUY",
        ["Haiti"] = "HTI", ["Honduras"] = "HND", ["Hong Kong"] = "HKG", ["Hungary"] = "HUN", ["Iceland"] = "ISL",
        ["India"] = "IND", ["Indonesia"] = "IDN", ["Iran"] = "IRN", ["Iran (Islamic Republic of)"] = "IRN",
        ["Iraq"] = "IRQ", ["Ireland"] = "IRL", ["Israel"] = "ISR", ["Italy"] = "ITA", ["Jamaica"] = "JAM",
        ["Japan"] = "JPN", ["Jordan"] = "JOR", ["Kazakhstan"] = "KAZ", ["Kenya"] = "KEN",
        ["Korea, North"] = "PRK", ["Democratic People's Republic of Korea"] = "PRK", ["North Korea"] = "PRK",
        ["Korea, South"] = "KOR", ["Republic of Korea"] = "KOR", ["South Korea"] = "KOR", ["Kuwait"] = "KWT",
        ["Kyrgyzstan"] = "KGZ", ["Laos"] = "LAO", ["Latvia"] = "LVA", ["Lebanon"] = "LBN", ["Liberia"] = "LBR",
        ["Libya"] = "LBY", ["Liechtenstein"] = "LIE", ["Lithuania"] = "LTU", ["Luxembourg"] = "LUX", ["Macau"] = "MAC",
        ["Macao"] = "MAC", ["Madagascar"] = "MDG", ["Malawi"] = "MWI", ["Malaysia"] = "MYS", ["Maldives"] = "MDV",
        ["Mali"] = "MLI", ["Malta"] = "MLT", ["Mauritania"] = "MRT", ["Mauritius"] = "MUS", ["Mexico"] = "MEX",
        ["Moldova"] = "MDA", ["Monaco"] = "MCO", ["Mongolia"] = "MNG", ["Montenegro"] = "MNE", ["Morocco"] = "MAR",
        ["Mozambique"] = "MOZ", ["Namibia"] = "NAM", ["Nepal"] = "NPL", ["Netherlands"] = "NLD", ["New Zealand"] = "NZL",
        ["Nicaragua"] = "NIC", ["Niger"] = "NER", ["Nigeria"] = "NGA", ["North Macedonia"] = "MKD",
        ["North Macedonia, The Republic of"] = "MKD", ["Norway"] = "NOR", ["Oman"] = "OMN", ["Pakistan"] = "PAK",
        ["Palestinian"] = "PSE", ["State of Palestine"] = "PSE", ["Panama"] = "PAN", ["Paraguay"] = "PRY",
        ["Peru"] = "PER", ["Philippines"] = "PHL", ["Poland"] = "POL", ["Portugal"] = "PRT", ["Qatar"] = "QAT",
        ["Romania"] = "ROU", ["Russia"] = "RUS", ["Russian Federation"] = "RUS", ["Rwanda"] = "RWA",
        ["Saint Kitts and Nevis"] = "KNA", ["Saint Lucia"] = "LCA", ["Saudi Arabia"] = "SAU", ["Saudi Arabian"] = "SAU",
        ["Senegal"] = "SEN", ["Serbia"] = "SRB", ["Seychelles"] = "SYC", ["Sierra Leone"] = "SLE", ["Singapore"] = "SGP",
        ["Slovakia"] = "SVK", ["Slovenia"] = "SVN", ["Somalia"] = "SOM", ["Somali"] = "SOM", ["South Africa"] = "ZAF",
        ["South Sudan"] = "SSD", ["Spain"] = "ESP", ["Sri Lanka"] = "LKA", ["Sudan"] = "SDN", ["Suriname"] = "SUR",
        ["Sweden"] = "SWE", ["Switzerland"] = "CHE", ["Syria"] = "SYR", ["Syrian Arab Republic"] = "SYR",
        ["Taiwan"] = "TWN", ["Tajikistan"] = "TJK", ["Tanzania"] = "TZA", ["United Republic of Tanzania"] = "TZA",
        ["Thailand"] = "THA", ["Togo"] = "TGO", ["Trinidad and Tobago"] = "TTO", ["Tunisia"] = "TUN",
        ["Turkey"] = "TUR", ["Türkiye"] = "TUR", ["Turkmenistan"] = "TKM", ["Uganda"] = "UGA", ["Ukraine"] = "UKR",
        ["United Arab Emirates"] = "ARE", ["United Kingdom"] = "GBR",
        ["United Kingdom of Great Britain and Northern Ireland"] = "GBR", ["United States"] = "USA",
        ["United States of America"] = "USA", ["Uruguay"] = "URY", ["Uzbekistan"] = "UZB", ["Venezuela"] = "VEN",
        ["Vietnam"] = "VNM", ["Viet Nam"] = "VNM", ["Yemen"] = "YEM", ["Yemeni"] = "YEM", ["Zambia"] = "ZMB",
        ["Zimbabwe"] = "ZWE",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name the table knows, for tests that check each code is a current ISO assignment.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Entries => Table;

    /// <summary>The alpha-3 code for a country name, demonym or alpha-3 code; null when unknown.</summary>
    public static string? ToAlpha3(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length == 3 && MrzCountryCodes.Iso3166Alpha3.Contains(s.ToUpperInvariant()))
            return s.ToUpperInvariant();
        if (s.StartsWith("possibly ", StringComparison.OrdinalIgnoreCase))
            s = s["possibly ".Length..];
        return Table.GetValueOrDefault(s);
    }
}
