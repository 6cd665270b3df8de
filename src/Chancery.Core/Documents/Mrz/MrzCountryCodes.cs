using System.Collections.Frozen;

namespace Chancery.Core.Documents.Mrz;

/// <summary>The issuing state and nationality codes a machine readable zone may carry.</summary>
public static class MrzCountryCodes
{
    // ISO 3166-1 alpha-3, the current 249 assignments. Deprecated or never-assigned codes seen on
    // old documents (BOS, ANT, YUG, ...) are deliberately absent: they make a zone invalid.
    private const string IsoAlpha3 =
        "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT " +
        "AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL " +
        "BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG " +
        "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM " +
        "DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR " +
        "GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY " +
        "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA " +
        "JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY " +
        "LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL " +
        "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM " +
        "NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER " +
        "PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU " +
        "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR " +
        "SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON " +
        "TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB " +
        "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE ";

    // Doc 9303 Part 3 additions: Germany's one-letter code, the British nationality classes, the
    // United Nations and other issuing organizations, and the codes for persons without a nationality.
    // RKS (Kosovo) is not in Doc 9303 but is on documents that border systems read; INP is on the
    // published Interpol travel document specimen (Doc 9303 lists XPO for Interpol). UTO (Utopia) and
    // ASU are the fictitious states of the ICAO and other published specimens.
    private const string Doc9303Codes =
        "D GBD GBN GBO GBP GBS UNO UNA UNK EUE " +
        "XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC " +
        "XXA XXB XXC XXX RKS INP UTO ASU";

    private static readonly FrozenSet<string> Iso = Split(IsoAlpha3);

    private static readonly FrozenSet<string> Known = Split(IsoAlpha3 + " " + Doc9303Codes);

    /// <summary>The ISO 3166-1 alpha-3 codes currently assigned.</summary>
    public static IReadOnlySet<string> Iso3166Alpha3 => Iso;

    /// <summary>True when Doc 9303 knows the code (without its trailing fillers: "D", not "D&lt;&lt;").</summary>
    public static bool IsKnown(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Known.Contains(code);
    }

    private static FrozenSet<string> Split(string codes) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
