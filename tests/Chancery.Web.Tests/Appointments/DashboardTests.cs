using System.Net;
using Chancery.Core.Staff;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Appointments;

// The dashboard of suspicious patterns: many identities from one address or one e-mail domain, masked identities,
// and only for the roles and posts allowed.
public abstract class DashboardTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Dashboard_ManyIdentitiesFromOneAddressAndDomain_AreListed()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var auditor = await App.CreateStaffAsync(Role.Auditor, post);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 4; i++)
            await CalendarPageData.BookAtAsync(App, service, now.AddDays(3).AddMinutes(20 * i), $"TT00000{i}", "TOUT", "203.0.113.77", $"buyer{i}@tout-agency.example");
        using var session = await StaffSession.SignInAsync(App, auditor.UserName!);

        var (response, page) = await session.GetAsync($"/staff/rendez-vous/tableau-de-bord?poste={post.Id}&jours=7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var address = Assert.Single(page.QuerySelectorAll("#addresses-table tbody tr"));
        Assert.Equal("203.0.113.77", address.Children[0].TextContent.Trim());
        Assert.Equal("4", address.Children[2].TextContent.Trim());
        var domain = Assert.Single(page.QuerySelectorAll("#domains-table tbody tr"));
        Assert.Equal("tout-agency.example", domain.Children[0].TextContent.Trim());
        Assert.DoesNotContain("buyer0", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("TT000000", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Clerk_IsRefused_AndAnotherPost_IsNotFound()
    {
        var (post, _) = await CalendarPageData.ServiceAsync(App);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        var consul = await App.CreateStaffAsync(Role.Consul, await App.CreatePostAsync());
        using var clerkSession = await StaffSession.SignInAsync(App, clerk.UserName!);
        using var consulSession = await StaffSession.SignInAsync(App, consul.UserName!);

        var (denied, _) = await clerkSession.GetAsync($"/staff/rendez-vous/tableau-de-bord?poste={post.Id}");
        var (missing, _) = await consulSession.GetAsync($"/staff/rendez-vous/tableau-de-bord?poste={post.Id}");
        var (own, _) = await consulSession.GetAsync("/staff/rendez-vous/tableau-de-bord?jours=5000");

        Assert.Equal("/staff/denied", denied.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}

public sealed class DashboardTestsSqlite(SqliteAppFixture fixture) : DashboardTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class DashboardTestsPostgres(PostgresAppFixture fixture) : DashboardTests(fixture), IClassFixture<PostgresAppFixture>;
