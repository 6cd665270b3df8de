using System.Text;
using Chancery.Core.Screening.Import;

namespace Chancery.Core.Tests.Screening.Import;

public sealed class ChanceryLookoutCsvTests
{
    private const string Sample =
        "id,surname,given_names,aliases,birth_dates,nationalities,reason\r\n" +
        "FR-0001,DUPONT,Jean Marie,Jean DUPOND|J. M. Dupont,1970-03-14|1971,FRA,Fraudulent passport application\r\n" +
        "FR-0002,AL-HASSAN,Omar,\"HASSAN, Omar al\",~1980|1975..1978|1980-05,SYR|Syria,\"Forged visa, 2021\"\r\n" +
        "FR-0003,Ёлкин,,,,,\r\n";

    [Fact]
    public void Read_SampleFile_ReadsEveryColumn()
    {
        var list = Read(Sample);

        Assert.Equal(3, list.Summary.Individuals);
        Assert.Equal(3, list.Summary.IndividualAliases);
        var first = list.Entries[0];
        Assert.Equal(("FR-0001", "DUPONT, Jean Marie", "DUPONT", "Jean Marie"), (first.SourceId, first.PrimaryName, first.FamilyName, first.GivenNames));
        Assert.Equal(["Jean DUPOND", "J. M. Dupont"], first.Aliases.Select(a => a.Name));
        Assert.Equal(["1970-03-14", "1971"], first.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new ParsedNationality("FRA", "FRA")], first.Nationalities);
        Assert.Equal("Fraudulent passport application", first.Reason);
        var second = list.Entries[1];
        Assert.Equal("HASSAN, Omar al", Assert.Single(second.Aliases).Name);
        Assert.Equal(["~1980", "1975..1978", "1980-05"], second.BirthDates.Select(d => d.ToString()));
        Assert.Equal(["SYR", "SYR"], second.Nationalities.Select(n => n.Alpha3));
        Assert.Equal("Forged visa, 2021", second.Reason);
        var third = list.Entries[2];
        Assert.Equal(("Ёлкин", null, null), (third.PrimaryName, third.GivenNames, third.Reason));
        Assert.All(list.Entries, e => Assert.Equal("Lookout FR", e.SourceList));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameFileAndEntries()
    {
        var list = Read(Sample);
        var written = new StringWriter();

        ChanceryLookoutCsv.Write(written, list.Entries);
        var again = Read(written.ToString());

        Assert.Equal(Sample, written.ToString());
        Assert.Equal(list.Entries.Count, again.Entries.Count);
        for (var i = 0; i < list.Entries.Count; i++)
        {
            Assert.Equal(list.Entries[i].PrimaryName, again.Entries[i].PrimaryName);
            Assert.Equal(list.Entries[i].Aliases, again.Entries[i].Aliases);
            Assert.Equal(list.Entries[i].BirthDates, again.Entries[i].BirthDates);
            Assert.Equal(list.Entries[i].Nationalities, again.Entries[i].Nationalities);
            Assert.Equal(list.Entries[i].Reason, again.Entries[i].Reason);
        }
    }

    [Fact]
    public void Write_OfacIndividuals_RoundTripsNamesAliasesDatesAndNationalities()
    {
        using var file = File.OpenRead(WatchlistFiles.OfacSdn);
        var ofac = OfacSdnReader.Read(file).Individuals.Take(500).ToList();
        var written = new StringWriter();

        ChanceryLookoutCsv.Write(written, ofac);
        var again = Read(written.ToString()).Entries;

        Assert.Equal(ofac.Select(e => e.PrimaryName), again.Select(e => e.PrimaryName));
        Assert.Equal(ofac.SelectMany(e => e.Aliases.Select(a => a.Name)), again.SelectMany(e => e.Aliases.Select(a => a.Name)));
        Assert.Equal(ofac.SelectMany(e => e.BirthDates), again.SelectMany(e => e.BirthDates));
        Assert.Equal(ofac.SelectMany(e => e.Nationalities), again.SelectMany(e => e.Nationalities));
    }

    [Theory]
    [InlineData("id,surname,given_names\r\nA,B,C\r\n", "csv: line 1: the header must be id,surname,given_names,aliases,birth_dates,nationalities,reason.")]
    [InlineData("", "csv: line 1: the file is empty; the first line must be the header id,surname,given_names,aliases,birth_dates,nationalities,reason.")]
    [InlineData("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,B,,,,,\r\nC,D,,,\r\n", "csv: line 3: expected 7 fields, found 5.")]
    [InlineData("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,B,,,,,\r\nC,D,,,1960-02-30,,\r\n", "csv: line 3: entry C: birth date '1960-02-30' is not YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY or YYYY..YYYY.")]
    [InlineData("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,B,,,,,\r\nA,D,,,,,\r\n", "csv: line 3: id A appears twice.")]
    [InlineData("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,,Jean,,,,\r\n", "csv: line 2: entry A has no surname.")]
    [InlineData("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,\"B\r\nC\",,,,,\r\nD,E,,,,,\"open\r\n", "csv: line 4: a quoted field is not closed before the end of the file.")]
    [InlineData("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,\"B\"x,,,,,\r\n", "csv: line 2: text after the closing quote of a field.")]
    public void Read_MalformedFile_ThrowsNamingTheLine(string csv, string expected)
    {
        var error = Assert.Throws<WatchlistFormatException>(() => Read(csv));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Read_BlankLine_IsSkippedWithAReason()
    {
        var list = Read("id,surname,given_names,aliases,birth_dates,nationalities,reason\r\nA,B,,,,,\r\n\r\nC,D,,,,,\r\n");

        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(new SkippedRecord(3, "", "blank line"), Assert.Single(list.Summary.Skipped));
    }

    private static ParsedWatchlist Read(string csv) =>
        WatchlistReader.Read(WatchlistFormat.ChanceryCsv, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "Lookout FR");
}
