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
        var dbArgs = new[] { "--database", database.Kind == DatabaseKind.Postgres ? "postgres" : "sqlite", "--connection", database.ConnectionString };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([args[0], .. dbArgs, .. args[1..]], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

public sealed class WatchlistImportTestsSqlite() : WatchlistImportTests(DatabaseKind.Sqlite);

public sealed class WatchlistImportTestsPostgres() : WatchlistImportTests(DatabaseKind.Postgres);
