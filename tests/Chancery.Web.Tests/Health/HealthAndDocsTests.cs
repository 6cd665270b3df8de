using System.Net;
using System.Text.Json.Nodes;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Health;

public abstract class HealthAndDocsTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Live_And_Ready_Answer200_WhenTheDatabaseIsUp()
    {
        var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_Answers503_WhenTheSchemaIsNotTheExpectedOne()
    {
        var migration = "29991231000000_Ready" + Guid.NewGuid().ToString("N")[..6];
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({migration}, '99.0.0')"));
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await App.CreateClient().GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {migration}"));
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCaseOperations()
    {
        var json = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var paths = json["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/cases", paths);
        Assert.Contains("/api/v1/cases/{id}/actions/{action}", paths);
        Assert.Contains("/api/v1/stock", paths);
        Assert.Contains("/api/v1/print-jobs", paths);
        Assert.Equal("Chancery API", json["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task DocsPage_ListsEveryApiOperation_InBothLanguages()
    {
        var client = App.CreateClient();

        var english = await client.GetStringAsync("/docs?lang=en");
        var french = await client.GetStringAsync("/docs?lang=fr");

        Assert.Contains("Chancery API reference", english, StringComparison.Ordinal);
        Assert.Contains("Référence de l’API Chancery", french, StringComparison.Ordinal);
        Assert.Contains("/api/v1/cases/{id:guid}/actions/{action}", english, StringComparison.Ordinal);
        Assert.Contains("Idempotency-Key", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryAStrictContentSecurityPolicy()
    {
        var response = await App.CreateClient().GetAsync("/");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

[Collection("sqlite")]
public sealed class HealthAndDocsTestsSqlite(SqliteAppFixture fixture) : HealthAndDocsTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class HealthAndDocsTestsPostgres(PostgresAppFixture fixture) : HealthAndDocsTests(fixture), IClassFixture<PostgresAppFixture>;
