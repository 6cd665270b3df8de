using System.Net;
using System.Net.Http.Json;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Security;

// Staff of post A asking for a record of post B get 404, as for a record that does not exist: never 403, never the record.
public abstract class CrossPostTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task CasePages_RecordOfAnotherPost_AreNotFound()
    {
        var (home, other) = (await app.CreatePostAsync(), await app.CreatePostAsync());
        var otherClerk = await app.CreateStaffAsync(Role.Clerk, other);
        var caseId = await CaseSteps.EnterAsync(app, otherClerk, CaseSteps.Passport(other));
        var agent = await app.CreateStaffAsync([Role.Clerk, Role.SecurityOfficer, Role.Adjudicator, Role.PrintOperator, Role.Consul, Role.Auditor], home);
        using var session = await StaffSession.SignInAsync(app, agent.UserName!);

        foreach (var url in new[]
        {
            $"/staff/cases/{caseId}", $"/staff/cases/{caseId}/document", $"/staff/cases/{caseId}/documents/{Guid.NewGuid()}",
            $"/staff/cases/{caseId}/correction",
        })
        {
            Assert.True((await session.GetAsync(url)).Response.StatusCode == HttpStatusCode.NotFound, url);
        }

        var act = await session.PostAsync($"/staff/cases/{caseId}", new Dictionary<string, string> { ["Act.Action"] = "StartChecks" });
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        var correction = await session.PostAsync($"/staff/cases/{caseId}/correction", new Dictionary<string, string> { ["Input.Message"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, correction.StatusCode);
    }

    [Fact]
    public async Task CaseApi_RecordOfAnotherPost_IsNotFound()
    {
        var (home, other) = (await app.CreatePostAsync(), await app.CreatePostAsync());
        var otherClerk = await app.CreateStaffAsync(Role.Clerk, other);
        var caseId = await CaseSteps.EnterAsync(app, otherClerk, CaseSteps.Passport(other));
        using var client = await app.ApiClientAsync([Role.Clerk, Role.SecurityOfficer, Role.Adjudicator, Role.Consul, Role.Auditor], home);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/cases/{caseId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/applications/{caseId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiJourney.ActAsync(client, caseId, "start-checks")).StatusCode);
    }

    [Fact]
    public async Task StockAndPrintApi_RecordOfAnotherPost_IsNotFound()
    {
        var (home, other) = (await app.CreatePostAsync(), await app.CreatePostAsync());
        var stockId = await app.WithDbAsync(db => db.DocumentStocks.Where(s => s.PostId == other.Id).Select(s => s.Id).FirstAsync());
        using var client = await app.ApiClientAsync(Role.PrintOperator, home);

        var spoil = await client.PostAsJsonAsync($"/api/v1/stock/{stockId}/spoiled", new { reason = "Torn" });
        var printed = await client.PostAsJsonAsync($"/api/v1/print-jobs/{Guid.NewGuid()}/printed", new { });

        Assert.Equal(HttpStatusCode.NotFound, spoil.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, printed.StatusCode);
    }

    [Fact]
    public async Task AppointmentPages_RecordOfAnotherPost_AreNotFound()
    {
        var (home, other) = (await app.CreatePostAsync(), await app.CreatePostAsync());
        var service = await app.CreateServiceAsync(other);
        var consul = await app.CreateStaffAsync(Role.Consul, home);
        using var session = await StaffSession.SignInAsync(app, consul.UserName!);

        foreach (var url in new[]
        {
            $"/staff/rendez-vous/services/{service.Id}", $"/staff/rendez-vous/postes/{other.Id}/fermetures",
            $"/staff/rendez-vous/tableau-de-bord?poste={other.Id}",
        })
        {
            Assert.True((await session.GetAsync(url)).Response.StatusCode == HttpStatusCode.NotFound, url);
        }

        var settings = await session.PostAsync($"/staff/rendez-vous/services/{service.Id}?handler=Settings", new Dictionary<string, string> { ["Settings.Capacity"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, settings.StatusCode);
    }

    [Fact]
    public async Task Designation_OfAnotherPost_CannotBeEnded_NotFound()
    {
        var (home, other) = (await app.CreatePostAsync(), await app.CreatePostAsync());
        var agent = await app.CreateStaffAsync(Role.Clerk, other);
        var designationId = await app.WithDbAsync(db => db.Designations.Where(d => d.UserId == agent.Id).Select(d => d.Id).SingleAsync());
        var consul = await app.CreateStaffAsync(Role.Consul, home);
        using var session = await StaffSession.SignInAsync(app, consul.UserName!);

        var end = await session.PostAsync("/staff/designations?handler=End", new Dictionary<string, string> { ["designationId"] = designationId.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, end.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Designations.AnyAsync(d => d.Id == designationId && d.EndedAt != null)));
    }
}

public sealed class CrossPostTestsSqlite(SqliteAppFixture fixture) : CrossPostTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class CrossPostTestsPostgres(PostgresAppFixture fixture) : CrossPostTests(fixture), IClassFixture<PostgresAppFixture>;
