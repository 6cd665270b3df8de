using System.Net;
using Chancery.Core.Cases;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Pages;

public abstract class CasePagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task Journey_ClerkSecurityAdjudicatorPrinter_PrintsDocumentWhoseMrzShows()
    {
        var (post, clerk, security, adjudicator, printer) = await CaseSteps.TeamAsync(app);

        using var asClerk = await StaffSession.SignInAsync(app, clerk.UserName!);
        var entered = await asClerk.PostFormAsync("/staff/cases/new", new Dictionary<string, string>
        {
            ["Input.PostCode"] = post.Code,
            ["Input.Kind"] = "Passport",
            ["Input.PassportFormat"] = "Booklet",
            ["Input.Applicant.Surname"] = "Lefèvre",
            ["Input.Applicant.GivenNames"] = "Émilie Anne",
            ["Input.Applicant.BirthDate"] = "1988-03-14",
            ["Input.Applicant.Sex"] = "F",
            ["Input.Applicant.Nationality"] = "fra",
            ["Input.Applicant.PlaceOfBirth"] = "Lyon",
        });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var id = CaseSteps.IdFrom(entered);
        var url = $"/staff/cases/{id}";

        // The checks ran at entry: the security officer finds them clear, with nothing to resolve.
        using var asSecurity = await StaffSession.SignInAsync(app, security.UserName!);
        var (_, screened) = await asSecurity.GetAsync(url);
        Assert.Equal("Contrôles favorables", screened.QuerySelector(".fr-badge")?.TextContent.Trim());
        Assert.Contains("Favorable", screened.GetElementById("screenings-table")?.TextContent, StringComparison.Ordinal);
        Assert.Null(screened.GetElementById("hit-comparison"));
        Assert.Null(screened.GetElementById("action-resolvehit"));

        using var asAdjudicator = await StaffSession.SignInAsync(app, adjudicator.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await asAdjudicator.PostFormAsync(url, new Dictionary<string, string>(), "#action-approve")).StatusCode);

        using var asPrinter = await StaffSession.SignInAsync(app, printer.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await asPrinter.PostFormAsync(url, new Dictionary<string, string>(), "#action-print")).StatusCode);

        var (caseResponse, casePage) = await asPrinter.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
        Assert.Equal("Imprimé", casePage.QuerySelector(".fr-badge")?.TextContent.Trim());
        Assert.Contains("Document imprimé.", casePage.QuerySelector(".fr-alert--success")?.TextContent, StringComparison.Ordinal);
        var history = casePage.QuerySelectorAll("#history-table tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Equal(["Dépôt", "Lancement des contrôles", "Contrôles de sécurité", "Approbation", "Impression"], history);

        var (documentResponse, documentPage) = await asPrinter.GetAsync(url + "/document");
        Assert.Equal(HttpStatusCode.OK, documentResponse.StatusCode);
        var mrz = documentPage.GetElementById("mrz")?.TextContent.Split('\n') ?? [];
        Assert.Equal(2, mrz.Length);
        Assert.All(mrz, line => Assert.Equal(44, line.Length));
        Assert.StartsWith("P<FRALEFEVRE<<EMILIE<ANNE<", mrz[0], StringComparison.Ordinal);
        Assert.Matches("^[A-Z0-9]{9}[0-9]FRA880314[0-9]F", mrz[1]);

        // Entering the case and reading the printed document are in the audit log, with who did it.
        var record = id.ToString();
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == record).Select(e => new { e.Component, e.Action, e.ActorId }).ToListAsync());
        Assert.Contains(new { Component = "page:/staff/cases/new", Action = "write", ActorId = clerk.Id }, audited);
        Assert.Contains(new { Component = "page:/staff/cases/{id}/document", Action = "read", ActorId = printer.Id }, audited);
    }

    [Fact]
    public async Task Approve_ByTheAgentWhoEnteredTheCase_IsRefusedWithAMessage()
    {
        var post = await app.CreatePostAsync();
        var clerkAndAdjudicator = await app.CreateStaffAsync([Role.Clerk, Role.Adjudicator], post);
        var security = await app.CreateStaffAsync(Role.SecurityOfficer, post);
        var id = await CaseSteps.EnterAsync(app, clerkAndAdjudicator, CaseSteps.Passport(post));

        using var session = await StaffSession.SignInAsync(app, clerkAndAdjudicator.UserName!);
        var response = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string>(), "#action-approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("ne peut pas l’approuver", page.GetElementById("action-refused")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(CaseState.ChecksCleared, await CaseSteps.StateAsync(app, id));
    }

    [Fact]
    public async Task Print_BeforeApproval_IsRefusedAndPrintsNothing()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var security = await app.CreateStaffAsync(Role.SecurityOfficer, post);
        var printer = await app.CreateStaffAsync(Role.PrintOperator, post);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post));

        using var session = await StaffSession.SignInAsync(app, printer.UserName!);
        var (_, before) = await session.GetAsync($"/staff/cases/{id}");
        Assert.Null(before.GetElementById("action-print"));
        var response = await session.PostAsync($"/staff/cases/{id}", new Dictionary<string, string> { ["Act.Action"] = "Print" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("« Contrôles favorables »", page.GetElementById("action-refused")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(CaseState.ChecksCleared, await CaseSteps.StateAsync(app, id));
        Assert.Equal(0, await CaseSteps.DocumentCountAsync(app, id));
    }

    [Fact]
    public async Task Print_WithChecksOlderThanMaxAge_RunsThemAgainThenPrints()
    {
        var (post, clerk, _, adjudicator, printer) = await CaseSteps.TeamAsync(app);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post));
        await CaseSteps.StepAsync(app, adjudicator, id, CaseAction.Approve);
        app.Clock.Advance(TimeSpan.FromDays(31));

        using var session = await StaffSession.SignInAsync(app, printer.UserName!);
        var response = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string>(), "#action-print");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseState.Printed, await CaseSteps.StateAsync(app, id));
        Assert.Equal(2, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ScreeningResults, s => s.CaseId == id)));
    }

    [Fact]
    public async Task Print_AfterTheApplicantWasListed_IsRefusedByThePageAndPrintsNothing()
    {
        var (post, clerk, _, adjudicator, printer) = await CaseSteps.TeamAsync(app);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Vauquelin", "Odile"));
        await CaseSteps.StepAsync(app, adjudicator, id, CaseAction.Approve);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.ListAsync(new ListedPerson("VAUQUELIN", "Odile", "1988", "FRA"));

        using var session = await StaffSession.SignInAsync(app, printer.UserName!);
        var response = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string>(), "#action-print");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(CaseState.Hit, await CaseSteps.StateAsync(app, id));
        Assert.Equal(0, await CaseSteps.DocumentCountAsync(app, id));
    }

    [Fact]
    public async Task CasePages_AgentOfAnotherPost_Answer404OnEveryPageAndHandler()
    {
        var home = await app.CreatePostAsync();
        var other = await app.CreatePostAsync();
        var outsider = await app.CreateStaffAsync(Enum.GetValues<Role>(), home);
        var clerk = await app.CreateStaffAsync(Role.Clerk, other);
        var security = await app.CreateStaffAsync(Role.SecurityOfficer, other);
        var adjudicator = await app.CreateStaffAsync(Role.Adjudicator, other);
        var printer = await app.CreateStaffAsync(Role.PrintOperator, other);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(other));
        await CaseSteps.StepAsync(app, adjudicator, id, CaseAction.Approve);
        await CaseSteps.StepAsync(app, printer, id, CaseAction.Print);

        using var session = await StaffSession.SignInAsync(app, outsider.UserName!);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/staff/cases/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/staff/cases/{id}/document")).Response.StatusCode);
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            var response = await session.PostAsync($"/staff/cases/{id}", new Dictionary<string, string>
            {
                ["Act.Action"] = action.ToString(), ["Act.Reason"] = "Trying", ["Act.Passed"] = "true",
            });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {action} answered {(int)response.StatusCode}");
        }

        Assert.Equal(CaseState.Printed, await CaseSteps.StateAsync(app, id));
        var (_, list) = await session.GetAsync("/staff/cases");
        Assert.DoesNotContain(list.QuerySelectorAll("#cases-table a"), a => a.GetAttribute("href") == $"/staff/cases/{id}");
    }

    [Fact]
    public async Task NewCase_InputFailingTheFormsRules_RerendersWithMessagesNextToFields()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var response = await session.PostFormAsync("/staff/cases/new", new Dictionary<string, string>
        {
            ["Input.PostCode"] = post.Code,
            ["Input.Kind"] = "Visa",
            ["Input.Applicant.Surname"] = "",
            ["Input.Applicant.BirthDate"] = "1990-01-01",
            ["Input.Applicant.Sex"] = "F",
            ["Input.Applicant.Nationality"] = "FR",
            ["Input.Applicant.Email"] = "not an address",
            ["Input.Visa.RequestedFrom"] = "someday",
            // A half-filled parent is ignored: this is not a report of birth.
            ["Input.FirstParent.Nationality"] = "??",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.GetElementById("error-summary"));
        Assert.StartsWith("Erreur", page.Title, StringComparison.Ordinal);
        Assert.NotNull(Html.FieldError(page, "Input_Applicant_Surname"));
        Assert.Equal("Saisissez un code à trois lettres, par exemple FRA.", Html.FieldError(page, "Input_Applicant_Nationality"));
        Assert.NotNull(Html.FieldError(page, "Input_Applicant_Email"));
        Assert.NotNull(Html.FieldError(page, "Input_Visa_RequestedFrom"));
        Assert.NotNull(Html.FieldError(page, "Input_Visa_Purpose"));
        Assert.NotNull(Html.FieldError(page, "Input_Visa_TravelDocumentNumber"));
        Assert.Null(Html.FieldError(page, "Input_FirstParent_Nationality"));
        Assert.Equal("1990-01-01", page.GetElementById("Input_Applicant_BirthDate")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("1988-02-30", 48, 58, "Input_Applicant_BirthDate")]
    [InlineData("1988-02-03", 58, 48, "Input_Visa_RequestedUntil")]
    [InlineData("1988-02-03", -318, -308, "Input_Visa_RequestedFrom")]
    public async Task NewCase_InputTheOperationRefuses_ShowsItsMessageNextToTheField(string born, int fromInDays, int untilInDays, string field)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(fromInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = today.AddDays(untilInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var response = await session.PostFormAsync("/staff/cases/new", new Dictionary<string, string>
        {
            ["Input.PostCode"] = post.Code,
            ["Input.Kind"] = "Visa",
            ["Input.Applicant.Surname"] = "Smith",
            ["Input.Applicant.GivenNames"] = "John",
            ["Input.Applicant.BirthDate"] = born,
            ["Input.Applicant.Sex"] = "M",
            ["Input.Applicant.Nationality"] = "GBR",
            ["Input.Visa.Category"] = "C",
            ["Input.Visa.Entries"] = "Single",
            ["Input.Visa.Purpose"] = "Tourism",
            ["Input.Visa.RequestedFrom"] = from,
            ["Input.Visa.RequestedUntil"] = until,
            ["Input.Visa.TravelDocumentNumber"] = "X1234567",
            ["Input.Visa.TravelDocumentState"] = "GBR",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.False(string.IsNullOrEmpty(Html.FieldError(page, field)), $"no message next to {field}: {string.Join(" | ", Html.ErrorMessages(page))}");
        Assert.Single(page.QuerySelectorAll("#error-summary li"));
    }

    [Fact]
    public async Task NewCase_ReportOfBirthWithTwoParents_IsEnteredAndShowsBothParents()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var response = await session.PostFormAsync("/staff/cases/new", new Dictionary<string, string>
        {
            ["Input.PostCode"] = post.Code,
            ["Input.Kind"] = "BirthReport",
            ["Input.Applicant.Surname"] = "Martin",
            ["Input.Applicant.GivenNames"] = "Léa",
            ["Input.Applicant.BirthDate"] = "2026-09-01",
            ["Input.Applicant.Sex"] = "F",
            ["Input.Applicant.Nationality"] = "FRA",
            ["Input.FirstParent.Surname"] = "Martin",
            ["Input.FirstParent.BirthDate"] = "1987",
            ["Input.FirstParent.Sex"] = "M",
            ["Input.FirstParent.Nationality"] = "FRA",
            ["Input.SecondParent.Surname"] = "Okafor",
            ["Input.SecondParent.BirthDate"] = "1989-05",
            ["Input.SecondParent.Sex"] = "F",
            ["Input.SecondParent.Nationality"] = "NGA",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await session.GetAsync($"/staff/cases/{CaseSteps.IdFrom(response)}");
        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Enfant", headings);
        Assert.Contains("Premier parent", headings);
        Assert.Contains("Second parent", headings);
        Assert.Contains("Okafor", page.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuse_WithoutReason_ShowsTheMessageNextToTheReason()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var security = await app.CreateStaffAsync(Role.SecurityOfficer, post);
        var adjudicator = await app.CreateStaffAsync(Role.Adjudicator, post);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post));

        using var session = await StaffSession.SignInAsync(app, adjudicator.UserName!);
        var response = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string> { ["Act.Reason"] = "  " }, "#action-refuse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Saisissez le motif du refus.", Html.FieldError(page, "Act_Reason"));
        Assert.Equal("#Act_Reason", page.QuerySelector("#error-summary a")?.GetAttribute("href"));
        Assert.Equal(CaseState.ChecksCleared, await CaseSteps.StateAsync(app, id));
    }

    [Fact]
    public async Task ResolveHit_FalsePositiveThenApprovalBySameAgent_IsRefused()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var officer = await app.CreateStaffAsync([Role.SecurityOfficer, Role.Adjudicator], post);
        await app.ListAsync(new ListedPerson("Delacourt", "Emilie"));
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Delacourt"));

        using var session = await StaffSession.SignInAsync(app, officer.UserName!);
        var resolved = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string>
        {
            ["Act.Passed"] = "true", ["Act.Reason"] = "Different date of birth",
        }, "#action-resolvehit");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var (_, casePage) = await session.GetAsync($"/staff/cases/{id}");
        Assert.Contains("Faux positif", casePage.GetElementById("screenings-table")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Different date of birth", casePage.GetElementById("screenings-table")?.TextContent, StringComparison.Ordinal);

        var approve = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string>(), "#action-approve");

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal(CaseState.HitResolved, await CaseSteps.StateAsync(app, id));
    }

    [Fact]
    public async Task CaseList_FilteredByState_ListsOnlyThoseCasesWithLinks()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        await app.ListAsync(new ListedPerson("Waitingham", "Emilie Anne"));
        var waiting = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Waitingham"));
        var cleared = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Cleared"));

        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        var (response, page) = await session.GetAsync($"/staff/cases?Post={post.Code}&State=ChecksCleared");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll("#cases-table tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/staff/cases/{cleared}"], links);
        Assert.NotNull(page.QuerySelector("a[href='/staff/cases/new']"));
        Assert.NotNull(page.QuerySelector("#filter-state option[value=ChecksCleared][selected]"));

        var (_, all) = await session.GetAsync($"/staff/cases?Post={post.Code}&State=NoSuchState");
        Assert.Equal(2, all.QuerySelectorAll("#cases-table tbody tr").Length);
        Assert.NotNull(all.GetElementById("error-summary"));
        Assert.Contains(all.QuerySelectorAll("#cases-table tbody a"), a => a.GetAttribute("href") == $"/staff/cases/{waiting}");
    }

    [Fact]
    public async Task CaseList_ManyCases_IsPaged()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        for (var i = 0; i < 27; i++)
            await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, $"Paged{i}"));

        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        var (_, first) = await session.GetAsync($"/staff/cases?Post={post.Code}");
        var next = first.QuerySelector("a.fr-pagination__link--next")?.GetAttribute("href");
        Assert.NotNull(next);
        var (_, second) = await session.GetAsync(next);

        Assert.Equal(25, first.QuerySelectorAll("#cases-table tbody tr").Length);
        Assert.Equal(2, second.QuerySelectorAll("#cases-table tbody tr").Length);
        Assert.Contains("27", second.QuerySelector("p[role=status]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCase_AgentWithoutClerkRole_IsDenied()
    {
        var post = await app.CreatePostAsync();
        var auditor = await app.CreateStaffAsync(Role.Auditor, post);
        using var session = await StaffSession.SignInAsync(app, auditor.UserName!);

        var (response, _) = await session.GetAsync("/staff/cases/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/denied", response.Headers.Location?.AbsolutePath);
        var (list, page) = await session.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Null(page.QuerySelector("a[href='/staff/cases/new']"));
    }
}

public sealed class CasePagesTestsSqlite(SqliteAppFixture fixture) : CasePagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class CasePagesTestsPostgres(PostgresAppFixture fixture) : CasePagesTests(fixture), IClassFixture<PostgresAppFixture>;
