using Chancery.Core.Data;
using Chancery.TestCommon;
using Chancery.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chancery.Web.Tests.Cli;

public abstract class CommandLineTests(DatabaseKind kind)
{
    [Fact]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryMigration_ThenSaysUpToDate()
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);

        var (code, output, _) = await RunAsync(database, "migrate");
        var (again, second, _) = await RunAsync(database, "migrate");

        Assert.Equal(0, code);
        Assert.Contains("Applied", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("up to date", second, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Serve_OnOlderSchema_RefusesToStart_NamingBothVersionsAndTheCommand()
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);
        string first, last;
        await using (var db = database.NewContext())
        {
            var all = db.Database.GetMigrations().ToList();
            (first, last) = (all[0], all[^1]);
            await db.GetService<IMigrator>().MigrateAsync(first);
        }

        var (code, _, error) = await RunAsync(database, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains("older", error, StringComparison.Ordinal);
        Assert.Contains(first, error, StringComparison.Ordinal);
        Assert.Contains(last, error, StringComparison.Ordinal);
        Assert.Contains("chancery migrate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OnNewerSchema_RefusesToStart()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        var (code, _, error) = await RunAsync(database, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains("newer", error, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_ThenApiKeyCreate_PrintsTheKeyOnce_AndStoresOnlyItsHash()
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var (seeded, signIns, _) = await RunAsync(database, "seed-demo");
        var (code, key, note) = await RunAsync(database, "apikey", "create", "--name", "Print station 1", "--roles", "PrintOperator", "--posts", "LON");

        Assert.Equal(0, seeded);
        Assert.Contains("adjudicator", signIns, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.StartsWith("chk_", key.Trim(), StringComparison.Ordinal);
        Assert.Contains("shown once", note, StringComparison.Ordinal);
        await using var db = database.NewContext();
        var client = await db.ApiClients.SingleAsync();
        Assert.DoesNotContain(key.Trim(), client.KeyHash, StringComparison.Ordinal);
        Assert.Equal(64, client.KeyHash.Length);
        Assert.True(await db.Cases.CountAsync() >= 10);
        var states = await db.Cases.Select(c => c.State).Distinct().ToListAsync();
        Assert.True(states.Count >= 9, "demo cases cover the lifecycle: " + string.Join(", ", states));
        // One case came through the online form, with its answers kept beside it.
        Assert.Equal("Eriksson", (await db.SubmittedApplications.SingleAsync()).Answers["surname"]);
    }

    [Fact]
    public async Task ApiKeyCreate_OnAnUnmigratedDatabase_SaysToMigrate()
    {
        await using var database = await TestDatabase.CreateAsync(kind, migrate: false);

        var (code, _, error) = await RunAsync(database, "apikey", "create", "--name", "X", "--roles", "Clerk", "--posts", "LON");

        Assert.Equal(1, code);
        Assert.Contains("chancery migrate", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("apikey", "create", "--name", "X", "--roles", "Wizard", "--posts", "LON")]
    [InlineData("apikey", "create", "--name", "X", "--roles", "Clerk", "--posts", "NOWHERE")]
    [InlineData("apikey", "create", "--name")]
    [InlineData("apikey", "rotate")]
    [InlineData("frobnicate")]
    public async Task BadArguments_ExitWithCode2AndOneLine(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var (code, _, error) = await RunAsync(database, args);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        // Every verb that reads the database holds its master key (docs/security.md).
        var dbArgs = new[]
        {
            "--database", kind(database), "--connection", database.ConnectionString,
            "--Chancery:Protection:MasterKeyFile=" + database.MasterKeyFile, "--Chancery:Protection:CreateMasterKey=true",
        };
        // The server needs the proof-of-work key on PostgreSQL (shared by all instances); the other verbs do not.
        if (args.Length > 0 && args[0] == "serve")
            dbArgs = [.. dbArgs, "--Chancery:Altcha:HmacKey=" + ChanceryApp.AltchaKey];
        var verbArgs = args.Length > 0 && !args[0].StartsWith('-') ? new[] { args[0] }.Concat(dbArgs).Concat(args[1..]) : dbArgs.Concat(args);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. verbArgs], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());

        static string kind(TestDatabase d) => d.Kind == DatabaseKind.Postgres ? "postgres" : "sqlite";
    }
}

public sealed class CommandLineTestsSqlite() : CommandLineTests(DatabaseKind.Sqlite);

public sealed class CommandLineTestsPostgres() : CommandLineTests(DatabaseKind.Postgres);
