using System.Net;
using System.Security.Cryptography;
using Chancery.Core.Cases;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Pages;

// Lists are shared by every test of an app: each test lists and enters names no other test uses.
public abstract class ScreeningPagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task CasePage_Hit_ShowsTheApplicantAndTheListedPersonSideBySideWithScoreAndReasons()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var list = await app.ListAsync(new ListedPerson("QUENNEVILLE", "Barnabé Octave", "1961", "FRA"));
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Quenneville", "Barnabé Octave", "1961-07-02"));
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (response, page) = await session.GetAsync($"/staff/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#hit-comparison h2"));
        var screened = page.GetElementById("hit-match-1-screened")?.TextContent;
        Assert.Contains("Quenneville", screened, StringComparison.Ordinal);
        Assert.Contains("1961-07-02", screened, StringComparison.Ordinal);
        Assert.Contains("FRA", screened, StringComparison.Ordinal);
        Assert.Contains("QUENNEVILLE", page.GetElementById("hit-match-1-matched")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("nom principal", page.GetElementById("hit-match-1-kind")?.TextContent.Trim());
        Assert.Equal($"{list} v1", page.GetElementById("hit-match-1-list")?.TextContent.Trim());
        Assert.Contains("1961", page.GetElementById("hit-match-1-details")?.TextContent, StringComparison.Ordinal);
        Assert.Matches("[0-9]+ ?%", page.GetElementById("hit-match-1-score")?.TextContent ?? "");
        Assert.NotEmpty(page.QuerySelectorAll("#hit-match-1-reasons li"));
        Assert.Contains(list, page.GetElementById("screenings-table")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_MatchOnAnAlias_SaysItMatchedAnAlias()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        await app.ListAsync(new ListedPerson("WOJTKIEWICZ", "Bronisława", "1972", "FRA", Aliases: "HALLSTRÖMER, Ingeborg"));
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Hallströmer", "Ingeborg", "1972-11-30"));
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (_, page) = await session.GetAsync($"/staff/cases/{id}");

        Assert.Equal("alias", page.GetElementById("hit-match-1-kind")?.TextContent.Trim());
        Assert.Contains("HALLSTRÖMER", page.GetElementById("hit-match-1-matched")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("WOJTKIEWICZ", page.GetElementById("hit-match-1-primary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#hit-match-1-reasons li"), li => li.TextContent.Contains("alias", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CasePage_TravelDocumentOnTheRegister_ShowsTheRegisteredDocumentInsteadOfAPerson()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var number = "RG" + RandomNumberGenerator.GetString("0123456789", 7);
        await app.WithDbAsync(async db =>
        {
            db.RegisteredDocuments.Add(new RegisteredDocument
            {
                DocumentNumber = number, IssuingState = "GBR", Status = RegisteredDocumentStatus.Stolen, Source = "Test register",
                Reason = "reported stolen", RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var visa = new NewCase
        {
            PostCode = post.Code,
            Kind = CaseKind.Visa,
            Applicant = new NewPerson { Surname = "Registerton", GivenNames = "Alan", BirthDate = "1979-09-09", Sex = "M", Nationality = "GBR" },
            Visa = new NewVisa
            {
                Category = VisaCategory.C, Entries = VisaEntries.Single, Purpose = "Tourism",
                RequestedFrom = today.AddDays(30), RequestedUntil = today.AddDays(40), TravelDocumentNumber = number, TravelDocumentState = "GBR",
            },
        };
        var id = await CaseSteps.EnterAsync(app, clerk, visa);
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (_, page) = await session.GetAsync($"/staff/cases/{id}");

        Assert.Contains($"{number} (GBR)", page.GetElementById("hit-match-1-screened")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(number, page.GetElementById("hit-match-1-matched")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("volé", page.GetElementById("hit-match-1-kind")?.TextContent.Trim());
        Assert.Null(page.GetElementById("hit-match-1-primary"));
        Assert.Contains(page.QuerySelectorAll("#hit-match-1-reasons li"), li => li.TextContent.Contains("reported stolen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CasePage_NoMatch_HasNoComparison()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Unlistedsson", "Clara"));

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (_, page) = await session.GetAsync($"/staff/cases/{id}");

        Assert.Null(page.GetElementById("hit-comparison"));
        Assert.NotNull(page.GetElementById("screenings-table"));
    }

    [Fact]
    public async Task HitQueue_SecurityOfficer_ListsTheHitsOfTheirPostOnlyWithLinksToTheCase()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var other = await app.CreatePostAsync();
        var otherClerk = await app.CreateStaffAsync(Role.Clerk, other);
        var list = await app.ListAsync(new ListedPerson("ZABOROVSKAYA", "Evdokia", "1958", "FRA"));
        var mine = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Zaborovskaya", "Evdokia", "1958-02-11"));
        var theirs = await CaseSteps.EnterAsync(app, otherClerk, CaseSteps.Passport(other, "Zaborovskaya", "Evdokia", "1958-02-11"));
        var cleared = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Notonanylist", "Paul"));
        app.Clock.Advance(TimeSpan.FromHours(3));

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (response, page) = await session.GetAsync("/staff/screening/hits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll("#hits-table tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/staff/cases/{mine}", links);
        Assert.DoesNotContain($"/staff/cases/{theirs}", links);
        Assert.DoesNotContain($"/staff/cases/{cleared}", links);
        var row = page.GetElementById($"hit-row-{mine}");
        Assert.NotNull(row);
        Assert.Equal(await CaseSteps.ReferenceAsync(app, mine), row.Children[0].TextContent.Trim());
        Assert.Equal(post.Code, row.Children[1].TextContent.Trim());
        Assert.Contains("ZABOROVSKAYA", row.Children[3].TextContent, StringComparison.Ordinal);
        Assert.Equal($"{list} v1", row.Children[4].TextContent.Trim());
        Assert.Contains("%", row.Children[5].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("3 h", row.Children[6].TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#header-navigation a[href='/staff/screening/hits'][aria-current=page]"));

        var (caseResponse, casePage) = await session.GetAsync(links.Single(l => l == $"/staff/cases/{mine}")!);
        Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
        Assert.NotNull(casePage.GetElementById("hit-comparison"));
        Assert.NotNull(casePage.GetElementById("action-resolvehit"));
    }

    [Fact]
    public async Task HitQueue_OldestHitFirst()
    {
        var (post, clerk, _, _, _) = await CaseSteps.TeamAsync(app);
        var consul = await app.CreateStaffAsync(Role.Consul, post);
        await app.ListAsync(new ListedPerson("FERRAGUTI", "Ottavio", "1949", "FRA"), new ListedPerson("BLOMQVIST", "Sigrid", "1953", "FRA"));
        var first = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Ferraguti", "Ottavio", "1949-05-05"));
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Blomqvist", "Sigrid", "1953-08-08"));

        using var session = await StaffSession.SignInAsync(app, consul.UserName!);
        var (_, page) = await session.GetAsync("/staff/screening/hits");

        var links = page.QuerySelectorAll("#hits-table tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/staff/cases/{first}", $"/staff/cases/{second}"], links);
    }

    [Fact]
    public async Task HitQueue_NoHitInTheirPosts_SaysSo()
    {
        var post = await app.CreatePostAsync();
        var auditor = await app.CreateStaffAsync(Role.Auditor, post);

        using var session = await StaffSession.SignInAsync(app, auditor.UserName!);
        var (response, page) = await session.GetAsync("/staff/screening/hits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.GetElementById("hits-empty"));
        Assert.Null(page.GetElementById("hits-table"));
    }

    [Fact]
    public async Task HitQueue_Clerk_IsDeniedAndHasNoLinkToIt()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var (response, _) = await session.GetAsync("/staff/screening/hits");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/denied", response.Headers.Location?.AbsolutePath);
        var (_, cases) = await session.GetAsync("/staff/cases");
        Assert.NotNull(cases.GetElementById("header-navigation"));
        Assert.Null(cases.QuerySelector("a[href='/staff/screening/hits']"));
    }

    [Fact]
    public async Task ResolveHit_AsFalsePositiveFromTheCasePage_MovesToHitResolvedAndKeepsTheJustification()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        await app.ListAsync(new ListedPerson("ACHTERBERGH", "Cornelis", "1966", "FRA"));
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Achterbergh", "Cornelis", "1966-01-20"));
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));
        using var session = await StaffSession.SignInAsync(app, security.UserName!);

        var unjustified = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string> { ["Act.Passed"] = "true", ["Act.Reason"] = " " }, "#action-resolvehit");

        Assert.Equal(HttpStatusCode.OK, unjustified.StatusCode);
        Assert.False(string.IsNullOrEmpty(Html.FieldError(await Html.ParseAsync(unjustified), "Act_Reason")));
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));

        const string justification = "Same name and year, but the listed person was born in Rotterdam and the applicant in Lille; civil status record checked.";
        var resolved = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string> { ["Act.Passed"] = "true", ["Act.Reason"] = justification }, "#action-resolvehit");

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Equal(CaseState.HitResolved, await CaseSteps.StateAsync(app, id));
        var screening = await app.WithDbAsync(db => db.ScreeningResults.Where(s => s.CaseId == id && s.Outcome == ScreeningOutcome.Hit).SingleAsync());
        Assert.Equal(HitResolution.Cleared, screening.Resolution);
        Assert.Equal(justification, screening.Justification);
        Assert.Equal(security.Id, screening.ResolvedBy);

        var (_, page) = await session.GetAsync($"/staff/cases/{id}");
        Assert.Contains("Faux positif", page.GetElementById("hit-comparison-lead")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(justification, page.GetElementById("screenings-table")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("action-resolvehit"));
        var (_, queue) = await session.GetAsync("/staff/screening/hits");
        Assert.Null(queue.GetElementById($"hit-row-{id}"));
    }

    [Fact]
    public async Task WatchlistsPage_AfterAScreening_ShowsTheIndexBuiltFromTheCurrentLists()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var list = await app.ListAsync(new ListedPerson("DRAGOMIRESCU", "Ionela", "1980", "FRA", Aliases: "DRAGOMIR, Ioana"));
        await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Indexbuilder", "Marc"));

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (response, page) = await session.GetAsync("/staff/watchlists");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.GetElementById("index-status"));
        Assert.Contains($"{list} v1", page.GetElementById("index-lists")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("À jour", page.GetElementById("index-state")?.TextContent, StringComparison.Ordinal);
        Assert.True(int.Parse(new string(page.GetElementById("index-entries")!.TextContent.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(new string(page.GetElementById("index-names")!.TextContent.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.NotNull(page.GetElementById("index-built-at"));
        Assert.Contains(page.QuerySelectorAll("#watchlists-table tbody tr"), r => r.Children[0].TextContent.Trim() == list);
        Assert.Contains(page.QuerySelectorAll("#imports-table tbody tr"), r => r.TextContent.Contains(list, StringComparison.Ordinal));
    }
}

public sealed class ScreeningPagesTestsSqlite(SqliteAppFixture fixture) : ScreeningPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class ScreeningPagesTestsPostgres(PostgresAppFixture fixture) : ScreeningPagesTests(fixture), IClassFixture<PostgresAppFixture>;
