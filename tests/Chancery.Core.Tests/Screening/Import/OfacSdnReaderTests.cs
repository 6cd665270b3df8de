using System.Text;
using Chancery.Core.Screening.Import;

namespace Chancery.Core.Tests.Screening.Import;

public sealed class OfacSdnReaderTests
{
    private static readonly Lazy<ParsedWatchlist> Sdn = new(() =>
    {
        using var file = File.OpenRead(WatchlistFiles.OfacSdn);
        return OfacSdnReader.Read(file);
    });

    // Counted independently with Python's csv module over the file: 14,965 records of 12 fields (plus the
    // DOS end-of-file byte on the last line); column 3 is "individual" on 6,854 of them, "vessel" on 851,
    // "aircraft" on 376 and -0- on 6,884. Aliases are remarks items (split on ';') matching
    // [afn].k.a. '...': 2,051 on individuals and 1,612 on the rest; three more items (2 + 1) lost their
    // closing quote where OFAC cuts remarks at 1,000 characters. `grep -c '"individual"'` also gives 6,854.
    [Fact]
    public void Read_SharedSdnFile_CountsIndividualsEntitiesAndAliases()
    {
        var list = Sdn.Value;

        Assert.Equal(6854, list.Summary.Individuals);
        Assert.Equal(851 + 376 + 6884, list.Summary.Entities);
        Assert.Equal(2051, list.Summary.IndividualAliases);
        Assert.Equal(1612, list.Summary.EntityAliases);
        Assert.Equal(14965, list.Entries.Count);
        Assert.Equal(3, list.Summary.Skipped.Count(s => s.Reason.Contains("truncates the remarks", StringComparison.Ordinal)));
        Assert.All(list.Entries, e => Assert.Equal("OFAC SDN", e.SourceList));
    }

    [Fact]
    public void Read_IndividualWithAliasesDobsAndPassport_ReadsEveryRemark()
    {
        // Line 531: DOB 08 Feb 1969; alt. DOB 15 Aug 1970; POB ...; nationality Tunisia; alt. nationality Bosnia
        // and Herzegovina; Passport K989895 (Tunisia) issued 26 Jul 1995 expires 25 Jul 2000; seven a.k.a.s,
        // one with an apostrophe inside ('ABDEL' AZIZ BEN NARVAN').
        var entry = Sdn.Value.Entries.Single(e => e.SourceId == "7835");

        Assert.True(entry.IsIndividual);
        Assert.Equal("JARRAYA, Khalil", entry.PrimaryName);
        Assert.Equal("JARRAYA", entry.FamilyName);
        Assert.Equal("Khalil", entry.GivenNames);
        Assert.Equal(["SDGT"], entry.Programs);
        Assert.Equal(
            ["KHALIL YARRAYA", "ABDEL' AZIZ BEN NARVAN", "BEN NARVAN ABDEL AZIZ", "AMRO", "OMAR", "AMROU", "AMR"],
            entry.Aliases.Select(a => a.Name));
        Assert.All(entry.Aliases, a => Assert.Equal((AliasKind.AlsoKnownAs, AliasQuality.Unspecified), (a.Kind, a.Quality)));
        Assert.Equal(["1969-02-08", "1970-08-15"], entry.BirthDates.Select(d => d.ToString()));
        Assert.Equal(
            [new ParsedNationality("Tunisia", "TUN"), new ParsedNationality("Bosnia and Herzegovina", "BIH")],
            entry.Nationalities);
        Assert.Equal([new ParsedPassport("K989895", "Tunisia")], entry.Passports);
    }

    [Fact]
    public void Read_YearOnlyDobsAndQuotedAliases_KeepsThemAsGiven()
    {
        // Line 212: DOB 1966; alt. DOB 27 Oct 1969; nationality Libya; Passport 203037 (Libya); a.k.a. 'ABU ANAS';
        // a.k.a. ''ABD AL-MUHSI'; a.k.a. ''ABD AL-RAHMAN'.
        var entry = Sdn.Value.Entries.Single(e => e.SourceId == "7150");

        Assert.Equal(["1966", "1969-10-27"], entry.BirthDates.Select(d => d.ToString()));
        Assert.Equal(["ABU ANAS", "'ABD AL-MUHSI", "'ABD AL-RAHMAN"], entry.Aliases.Select(a => a.Name));
        Assert.Equal([new ParsedPassport("203037", "Libya")], entry.Passports);
        Assert.Equal("LBY", Assert.Single(entry.Nationalities).Alpha3);
    }

    [Fact]
    public void Read_CircaYearRange_KeepsFromAndToYears()
    {
        // Line 1723: nationality Somalia; DOB circa 1979-1982; alt. DOB 1982.
        var entry = Sdn.Value.Entries.Single(e => e.SourceId == "11748");

        var range = entry.BirthDates[0];
        Assert.Equal((1979, 1982, true), (range.FromYear, range.ToYear, range.IsRange));
        Assert.Equal(["1979..1982", "1982"], entry.BirthDates.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_CircaFullDate_KeepsAnApproximateYear()
    {
        // Line 611: DOB circa 07 Jul 1966.
        var entry = Sdn.Value.Entries.Single(e => e.SourceId == "7929");

        Assert.Equal("~1966", Assert.Single(entry.BirthDates).ToString());
    }

    [Fact]
    public void Read_SharedSdnFile_SkipsOnlyWhatItCannotRead()
    {
        // Three truncated aliases and five passport items with no number in them ("Passport issued in
        // Sarajevo", "Passport and National ID were issued in Ulm"...) or a malformed one ("G9336_77").
        var reasons = Sdn.Value.Summary.Skipped.Select(s => s.Reason).ToList();

        Assert.Equal(8, reasons.Count);
        Assert.Equal(5, reasons.Count(r => r.StartsWith("unreadable passport number", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_EntityRecord_IsNotAnIndividual()
    {
        var entry = Sdn.Value.Entries.Single(e => e.SourceId == "306");

        Assert.False(entry.IsIndividual);
        Assert.Equal("BANCO NACIONAL DE CUBA", entry.PrimaryName);
        Assert.Null(entry.FamilyName);
        Assert.Equal("BNC", Assert.Single(entry.Aliases).Name);
    }

    [Fact]
    public void Read_SharedSdnFile_ReportsProgressUpToTheFileLength()
    {
        var reports = new List<long>();
        using var file = File.OpenRead(WatchlistFiles.OfacSdn);

        OfacSdnReader.Read(file, progress: new RecordingProgress(reports));

        Assert.True(reports.Count > 10);
        Assert.Equal(new FileInfo(WatchlistFiles.OfacSdn).Length, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Theory]
    [InlineData("36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n37,\"B\",-0- ,\"CUBA\",-0- \r\n", "line 2: expected 12 fields, found 5")]
    [InlineData("36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n37,\"B,-0- ,\"CUBA\"\r\n", "line 2:")]
    [InlineData("36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n36,\"B\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "line 2: entry number 36 appears twice")]
    [InlineData("36,\"A\",\"person\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "line 1: entry 36 has an unknown type 'person'")]
    [InlineData("x36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "line 1: the entry number 'x36' is not a number")]
    [InlineData("\r\n", "line 1: expected 12 fields, found 1")]
    public void Read_MalformedRecord_ThrowsNamingTheLine(string csv, string expected)
    {
        var error = Assert.Throws<WatchlistFormatException>(() => OfacSdnReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

        Assert.StartsWith("ofac-sdn: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Read_QuoteNeverClosed_ThrowsNamingTheLineItOpensOn()
    {
        var csv = "36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n37,\"B\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'X'.\r\n38,C\r\n";

        var error = Assert.Throws<WatchlistFormatException>(() => OfacSdnReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

        Assert.Equal("ofac-sdn: line 2: a quoted field is not closed before the end of the file.", error.Message);
    }

    [Fact]
    public void Read_CancelledToken_StopsWithOperationCanceled()
    {
        using var file = File.OpenRead(WatchlistFiles.OfacSdn);

        Assert.Throws<OperationCanceledException>(() => OfacSdnReader.Read(file, cancellationToken: new CancellationToken(canceled: true)));
    }
}
