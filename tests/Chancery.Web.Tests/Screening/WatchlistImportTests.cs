using Chancery.Core.Screening.Import;
using Chancery.TestCommon;
using Chancery.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Screening;

public abstract class WatchlistImportTests(DatabaseKind kind)
{
    [Theory]
    [InlineData("ofac-sdn", "ofac-sdn-2024-05.csv", "OFAC SDN")]
    [InlineData("un-xml", "un-consolidated-2018.xml", null)]
    public async Task Import_PublishedFile_StoresEveryIndividualAndAlias_AndMarksTheListChanged(string format, string file, string? expectedName)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var path = SharedFile(file);
        ParsedWatchlist parsed;
        await using (var stream = File.OpenRead(path))
            parsed = WatchlistReader.Read(format == "un-xml" ? WatchlistFormat.UnXml : WatchlistFormat.OfacSdn, stream);

        var (code, output, progress) = await RunAsync(database, "watchlist", "import", "--format", format, path);

        Assert.Equal(0, code);
        Assert.Contains($"{parsed.Summary.Individuals} individuals", output, StringComparison.Ordinal);
        Assert.Contains("100%", progress, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var list = await db.Watchlists.SingleAsync();
        Assert.Equal(expectedName ?? parsed.SourceList, list.Name);
        Assert.Equal(1, list.Version);
        Assert.Equal(parsed.Summary.Individuals, await db.WatchlistEntries.CountAsync());
        Assert.Equal(parsed.Summary.IndividualAliases, await db.WatchlistNames.CountAsync(n => n.Kind == "Alias"));
        Assert.Equal(parsed.Summary.IndividualAliases, list.Aliases);
        var import = await db.WatchlistImports.SingleAsync();
        Assert.True(import.Succeeded);
    }

    [Fact]
    public async Task Import_MalformedFileAfterAGoodOne_FailsNamingTheLine_AndKeepsThePreviousVersion()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var good = Path.Combine(Path.GetTempPath(), $"lookout-{Guid.NewGuid():N}.csv");
        var bad = Path.Combine(Path.GetTempPath(), $"lookout-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(good, ChanceryLookoutCsv.Header + "\nN1,DUPONT,Jean,Jean Dupond|J. Dupont,1970-01-01,FRA,National lookout\nN2,MARTIN,Paul,,1980,,National lookout\n");
        await File.WriteAllTextAsync(bad, ChanceryLookoutCsv.Header + "\nN1,DUPONT,Jean,,1970-01-01,FRA,x\nN2,\"unterminated\n");
        try
        {
            var (first, _, _) = await RunAsync(database, "watchlist", "import", "--format", "csv", "--name", "National lookout", good);
            var (second, _, error) = await RunAsync(database, "watchlist", "import", "--format", "csv", "--name", "National lookout", bad);

            Assert.Equal(0, first);
            Assert.Equal(1, second);
            Assert.Contains("line", error, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("unchanged", error, StringComparison.Ordinal);
            await using var db = database.NewContext();
            Assert.Equal(2, await db.WatchlistEntries.CountAsync());
            Assert.Equal(1, (await db.Watchlists.SingleAsync()).Version);
            Assert.Equal([true, false], (await db.WatchlistImports.OrderBy(i => i.Id).ToListAsync()).Select(i => i.Succeeded));
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Import_SameListAgain_ReplacesItsEntries_AndBumpsTheVersion()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var path = SharedFile("un-consolidated-2018.xml");

        await RunAsync(database, "watchlist", "import", "--format", "un-xml", path);
        int before;
        DateTime firstChange;
        await using (var db = database.NewContext())
        {
            before = await db.WatchlistEntries.CountAsync();
            firstChange = (await db.Watchlists.SingleAsync()).ChangedAt;
        }

        var (code, _, _) = await RunAsync(database, "watchlist", "import", "--format", "un-xml", path);

        Assert.Equal(0, code);
        await using var after = database.NewContext();
        var list = await after.Watchlists.SingleAsync();
        Assert.Equal(2, list.Version);
        Assert.True(list.ChangedAt >= firstChange);
        Assert.Equal(before, await after.WatchlistEntries.CountAsync());
    }

    [Fact]
    public async Task Screen_AfterImportingThePublishedList_FindsAListedPersonByAVariantOfTheName_BestFirst()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await RunAsync(database, "watchlist", "import", "--format", "ofac-sdn", SharedFile("ofac-sdn-2024-05.csv"));

        // OFAC lists "AL ZAWAHIRI, Dr. Ayman", born 19 Jun 1951: another transliteration, word order, no title.
        var (code, output, error) = await RunAsync(database, "screen", "--name", "Aiman al-Zawahri", "--birth-date", "1951-06-19", "--nationality", "EGY");

        Assert.True(code == 0, error);
        var hits = System.Text.Json.Nodes.JsonNode.Parse(output)!["hits"]!.AsArray();
        var best = hits[0]!;
        Assert.Equal("AL ZAWAHIRI, Dr. Ayman", best["matchedName"]!.GetValue<string>());
        Assert.Equal("OFAC SDN", best["list"]!.GetValue<string>());
        Assert.Equal("2676", best["sourceId"]!.GetValue<string>());
        Assert.True(best["entryId"]!.GetValue<long>() > 0);
        Assert.InRange(best["score"]!.GetValue<double>(), 0.85, 1.0);
        Assert.Contains(best["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("birth", StringComparison.OrdinalIgnoreCase));
        var scores = hits.Select(h => h!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var (none, nothing, _) = await RunAsync(database, "screen", "--name", "Émilie Lefèvre");
        Assert.Equal(0, none);
        Assert.Empty(System.Text.Json.Nodes.JsonNode.Parse(nothing)!["hits"]!.AsArray());
    }

    [Theory]
    [InlineData("screen", "--name")]
    [InlineData("screen", "--birth-date", "1950")]
    [InlineData("screen", "--name", "Ivan Petrov", "--birth-date", "1950-13")]
    [InlineData("screen", "--name", "Ivan Petrov", "--nationality", "QQQ")]
    [InlineData("screen", "--name", "Ivan Petrov", "--colour", "red")]
    public async Task Screen_BadArguments_ExitWithCode2AndOneLine(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var (code, _, error) = await RunAsync(database, args);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("watchlist", "import", "--format", "pdf", "x.pdf")]
    [InlineData("watchlist", "import", "--format", "csv")]
    [InlineData("watchlist", "import", "--format", "ofac-sdn", "/nonexistent/file.csv")]
    [InlineData("watchlist", "delete")]
    public async Task BadArguments_ExitWithCode2(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var (code, _, error) = await RunAsync(database, args);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static string SharedFile(string name) => SharedData.PathOf("watchlists/" + name);

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var dbArgs = database.CliArguments();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([args[0], .. dbArgs, .. args[1..]], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

public sealed class WatchlistImportTestsSqlite() : WatchlistImportTests(DatabaseKind.Sqlite);

public sealed class WatchlistImportTestsPostgres() : WatchlistImportTests(DatabaseKind.Postgres);
