using System.Net;
using Chancery.Core.Staff;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Pages;

public abstract class DesignationsPagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task Designate_AgentForThePost_AgentSeesItsCasesUntilTheDesignationEnds()
    {
        var post = await app.CreatePostAsync();
        var consul = await app.CreateStaffAsync(Role.Consul, post);
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var newcomer = await app.CreateStaffAsync(Role.Clerk);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post));
        using var asNewcomer = await StaffSession.SignInAsync(app, newcomer.UserName!);
        Assert.Equal(HttpStatusCode.NotFound, (await asNewcomer.GetAsync($"/staff/cases/{id}")).Response.StatusCode);

        using var asConsul = await StaffSession.SignInAsync(app, consul.UserName!);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(190).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var designated = await asConsul.PostFormAsync("/staff/designations", new Dictionary<string, string>
        {
            ["Designate.UserId"] = newcomer.Id, ["Designate.PostCode"] = post.Code,
            ["Designate.ValidFrom"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Designate.ValidUntil"] = until,
        }, "#designate-form");

        Assert.Equal(HttpStatusCode.Redirect, designated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asNewcomer.GetAsync($"/staff/cases/{id}")).Response.StatusCode);

        var (_, list) = await asConsul.GetAsync("/staff/designations");
        var row = list.QuerySelectorAll("#designations-table tbody tr").Single(r => r.TextContent.Contains(newcomer.UserName!, StringComparison.Ordinal));
        Assert.Contains(until, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("En cours", row.TextContent, StringComparison.Ordinal);
        var designationId = row.QuerySelector("input[name=designationId]")!.GetAttribute("value")!;

        var ended = await asConsul.PostAsync("/staff/designations?handler=End", new Dictionary<string, string> { ["designationId"] = designationId });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asNewcomer.GetAsync($"/staff/cases/{id}")).Response.StatusCode);
    }

    [Fact]
    public async Task Designate_EndBeforeStart_RerendersWithTheMessageNextToTheEndDate()
    {
        var post = await app.CreatePostAsync();
        var consul = await app.CreateStaffAsync(Role.Consul, post);
        var agent = await app.CreateStaffAsync(Role.Clerk);
        using var session = await StaffSession.SignInAsync(app, consul.UserName!);

        var response = await session.PostFormAsync("/staff/designations", new Dictionary<string, string>
        {
            ["Designate.UserId"] = agent.Id, ["Designate.PostCode"] = post.Code,
            ["Designate.ValidFrom"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(48).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Designate.ValidUntil"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(39).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "#designate-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("La date de fin doit suivre la date de début.", Html.FieldError(page, "Designate_ValidUntil"));
    }

    [Fact]
    public async Task End_DesignationAtAnotherPost_Answers404()
    {
        var post = await app.CreatePostAsync();
        var other = await app.CreatePostAsync();
        var consul = await app.CreateStaffAsync(Role.Consul, post);
        var otherClerk = await app.CreateStaffAsync(Role.Clerk, other);
        var designationId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Designations.Where(d => d.UserId == otherClerk.Id).Select(d => d.Id)));
        using var session = await StaffSession.SignInAsync(app, consul.UserName!);

        var response = await session.PostAsync("/staff/designations?handler=End", new Dictionary<string, string> { ["designationId"] = designationId.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (_, page) = await session.GetAsync("/staff/designations");
        Assert.DoesNotContain(otherClerk.UserName!, page.GetElementById("designations-table")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task DesignationsPage_AgentWhoIsNotConsul_IsDenied()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var (response, _) = await session.GetAsync("/staff/designations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (denied, page) = await session.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Accès refusé", page.QuerySelector("h1")?.TextContent.Trim());
    }
}

public sealed class DesignationsPagesTestsSqlite(SqliteAppFixture fixture) : DesignationsPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class DesignationsPagesTestsPostgres(PostgresAppFixture fixture) : DesignationsPagesTests(fixture), IClassFixture<PostgresAppFixture>;
