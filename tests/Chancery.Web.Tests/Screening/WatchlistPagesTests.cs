using System.Net;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Screening;

public sealed class WatchlistPagesTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task WatchlistsPage_ShowsListsAndImportHistory_ToSecurityOfficers()
    {
        var app = fixture.App;
        var post = await app.CreatePostAsync();
        var officer = await app.CreateStaffAsync(Role.SecurityOfficer, post);
        var name = "Lookout " + Guid.NewGuid().ToString("N")[..6];
        await app.WithServicesAsync(async sp =>
        {
            var import = sp.GetRequiredService<ImportWatchlist>();
            using var csv = new MemoryStream("id,surname,given_names,aliases,birth_dates,nationalities,reason\nN1,DUPONT,Jean,,1970,FRA,Test\n"u8.ToArray());
            return await import.ExecuteAsync(Chancery.Core.Screening.Import.WatchlistFormat.ChanceryCsv, csv, name, "lookout.csv", "test", null, default);
        });
        // Later tests in this class screen after the list changed.
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        using var session = await StaffSession.SignInAsync(app, officer.UserName!);
        var (response, page) = await session.GetAsync("/staff/watchlists");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, page.GetElementById("watchlists-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("lookout.csv", page.GetElementById("imports-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchlistsPage_ForAClerk_IsForbidden()
    {
        var app = fixture.App;
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);

        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        var (response, _) = await session.GetAsync("/staff/watchlists");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
