using System.Text;
using Chancery.Core.Screening.Import;

namespace Chancery.Core.Tests.Screening.Import;

public sealed class UnConsolidatedListReaderTests
{
    private static readonly Lazy<ParsedWatchlist> Un = new(() =>
    {
        using var file = File.OpenRead(WatchlistFiles.UnConsolidated);
        return UnConsolidatedListReader.Read(file);
    });

    // Counted independently with Python's xml.etree over the file and with grep: 703 INDIVIDUALS/INDIVIDUAL and
    // 390 ENTITIES/ENTITY (`grep -o '<INDIVIDUAL>' | wc -l`). Of 2,527 INDIVIDUAL_ALIAS elements, 2,086 have a
    // non-blank ALIAS_NAME (1,491 Good, 595 Low); the rest are empty placeholders. 577 ENTITY_ALIAS have a name.
    // The 2,663 non-empty <ALIAS_NAME> opening tags in the file are exactly 2,086 + 577.
    [Fact]
    public void Read_SharedUnFile_CountsIndividualsEntitiesAndAliases()
    {
        var list = Un.Value;

        Assert.Equal(703, list.Summary.Individuals);
        Assert.Equal(390, list.Summary.Entities);
        Assert.Equal(2086, list.Summary.IndividualAliases);
        Assert.Equal(577, list.Summary.EntityAliases);
        Assert.Equal(1491, list.Individuals.Sum(e => e.Aliases.Count(a => a.Quality == AliasQuality.Good)));
        Assert.Equal(595, list.Individuals.Sum(e => e.Aliases.Count(a => a.Quality == AliasQuality.Low)));
        Assert.Equal(371, list.Individuals.Count(e => e.OriginalScriptNames.Count > 0));
    }

    [Fact]
    public void Read_IndividualWithOriginalScriptAndSeveralBirthDates_ReadsEveryField()
    {
        // DATAID 2975510 (TAi.153): four name parts, the fourth "na"; six named aliases, two Low; four dates of
        // birth, one BETWEEN 1968 and 1970.
        var entry = Un.Value.Entries.Single(e => e.SourceId == "2975510");

        Assert.True(entry.IsIndividual);
        Assert.Equal("FAIZULLAH KHAN NOORZAI", entry.PrimaryName);
        Assert.Null(entry.FamilyName);
        Assert.Equal(["فیض الله خان نورزی"], entry.OriginalScriptNames);
        Assert.Equal(
            [
                new ParsedAlias("Haji Faizullah Noor", AliasKind.AlsoKnownAs, AliasQuality.Good),
                new ParsedAlias("Faizullah Noorzai Akhtar Mohammed Mira Khan", AliasKind.AlsoKnownAs, AliasQuality.Good),
                new ParsedAlias("Haji Pazullah Noorzai", AliasKind.AlsoKnownAs, AliasQuality.Low),
                new ParsedAlias("Haji Mullah Faizullah", AliasKind.AlsoKnownAs, AliasQuality.Low),
                new ParsedAlias("حاجى فیض الله خان نورزى", AliasKind.AlsoKnownAs, AliasQuality.Good),
                new ParsedAlias("Haji Faizullah Noori", AliasKind.AlsoKnownAs, AliasQuality.Good),
            ],
            entry.Aliases);
        Assert.Equal(["1966", "1961", "1968..1970", "1962"], entry.BirthDates.Select(d => d.ToString()));
        Assert.Equal((1968, 1970), (entry.BirthDates[2].FromYear, entry.BirthDates[2].ToYear));
        Assert.Equal([new ParsedNationality("Afghanistan", "AFG")], entry.Nationalities);
        Assert.Equal(["Taliban"], entry.Programs);
    }

    [Fact]
    public void Read_IndividualWithPassportAndExactDate_ReadsDocumentAndDate()
    {
        // DATAID 6908555 (KPi.033): FIRST_NAME " RI ", SECOND_NAME "WON HO", DATE 1964-07-17, Passport " 381310014".
        var entry = Un.Value.Entries.Single(e => e.SourceId == "6908555");

        Assert.Equal("RI WON HO", entry.PrimaryName);
        Assert.Empty(entry.Aliases);
        Assert.Equal(["1964-07-17"], entry.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new ParsedPassport("381310014", null)], entry.Passports);
        Assert.Equal([new ParsedNationality("Democratic People's Republic of Korea", "PRK")], entry.Nationalities);
        Assert.Equal(["DPRK"], entry.Programs);
    }

    [Theory]
    [InlineData("6908487", "515458008", "Russian foreign travel passport number 515458008")]
    [InlineData("6908461", "R00012098", "R00012098, South Sudan")]
    [InlineData("6908555", "381310014", null)]
    public void Read_PassportNumberInFreeText_PicksOutTheNumber(string dataId, string number, string? sourceText)
    {
        var passport = Un.Value.Entries.Single(e => e.SourceId == dataId).Passports[0];

        Assert.Equal((number, sourceText), (passport.Number, passport.SourceText));
    }

    [Fact]
    public void Read_SeveralPassports_KeepsEachNumberWithoutItsNote()
    {
        // DATAID 6908498: 199421147, "381110042 (Expired 25 Jan. 2016)", "563210184 (Expires 18 Jun. 2018)".
        var entry = Un.Value.Entries.Single(e => e.SourceId == "6908498");

        Assert.Equal(["199421147", "381110042", "563210184"], entry.Passports.Select(p => p.Number));
    }

    [Fact]
    public void Read_ApproximateYears_AreMarkedApproximate()
    {
        // DATAID 111204 (TAi.091): APPROXIMATELY 1958 and APPROXIMATELY 1953.
        var entry = Un.Value.Entries.Single(e => e.SourceId == "111204");

        Assert.Equal(["~1958", "~1953"], entry.BirthDates.Select(d => d.ToString()));
        Assert.All(entry.BirthDates, d => Assert.True(d.Approximate));
        Assert.Equal(["جانان آغا"], entry.OriginalScriptNames);
    }

    [Fact]
    public void Read_SharedUnFile_ReportsProgressUpToTheFileLength()
    {
        var reports = new List<long>();
        using var file = File.OpenRead(WatchlistFiles.UnConsolidated);

        UnConsolidatedListReader.Read(file, progress: new RecordingProgress(reports));

        Assert.Equal(new FileInfo(WatchlistFiles.UnConsolidated).Length, reports[^1]);
    }

    [Fact]
    public void Read_FileCutInsideAnIndividual_ThrowsNamingTheElementAndLine()
    {
        var xml = Wrap("<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>\n<INDIVIDUAL><DATAID>2</DATAID><FIRST_");

        var error = Assert.Throws<WatchlistFormatException>(() => Read(xml));

        Assert.StartsWith("un-xml: INDIVIDUAL at line 4: malformed XML at line 5", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>", "un-xml: INDIVIDUAL at line 3: DATAID is missing.")]
    [InlineData("<INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME> </FIRST_NAME></INDIVIDUAL>", "un-xml: INDIVIDUAL at line 3: DATAID 7 has no FIRST_NAME.")]
    [InlineData("<INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>\n<INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>B</FIRST_NAME></INDIVIDUAL>", "un-xml: INDIVIDUAL at line 4: DATAID 7 appears twice.")]
    [InlineData("<INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>A</FIRST_NAME>\n<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1964-13-17</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>", "un-xml: INDIVIDUAL at line 3: DATAID 7, INDIVIDUAL_DATE_OF_BIRTH at line 4: DATE '1964-13-17' is not a date.")]
    [InlineData("<INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>A</FIRST_NAME><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1970</FROM_YEAR><TO_YEAR>1960</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>", "un-xml: INDIVIDUAL at line 3: DATAID 7, INDIVIDUAL_DATE_OF_BIRTH at line 3: FROM_YEAR '1970' and TO_YEAR '1960' are not a range of years.")]
    public void Read_InvalidIndividual_ThrowsNamingTheElementAndLine(string individual, string expected)
    {
        var error = Assert.Throws<WatchlistFormatException>(() => Read(Wrap(individual)));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Read_DocumentTypeDefinition_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x \"boom\">]>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>";

        var error = Assert.Throws<WatchlistFormatException>(() => Read(xml));

        Assert.StartsWith("un-xml: the document: malformed XML before the root element: For security reasons DTD is prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherRootElement_ThrowsNamingIt()
    {
        var error = Assert.Throws<WatchlistFormatException>(() => Read("<?xml version=\"1.0\"?>\n<sdnList/>"));

        Assert.Equal("un-xml: sdnList at line 2: the root element must be CONSOLIDATED_LIST.", error.Message);
    }

    [Fact]
    public void Read_NotXmlAtAll_ThrowsFormatException()
    {
        var error = Assert.Throws<WatchlistFormatException>(() => Read("36,\"AEROCARIBBEAN AIRLINES\",-0- "));

        Assert.StartsWith("un-xml: the document: malformed XML at line 1", error.Message, StringComparison.Ordinal);
    }

    private static string Wrap(string individuals) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><CONSOLIDATED_LIST>\n<INDIVIDUALS>\n{individuals}\n</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>";

    private static ParsedWatchlist Read(string xml) =>
        UnConsolidatedListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
}
