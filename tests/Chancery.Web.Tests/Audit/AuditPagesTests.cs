using System.Net;
using Chancery.Core.Audit;
using Chancery.Core.Cases;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Audit;

// Reading personal data leaves an entry, and only auditors (and administrators) read the log.
// The log is shared by the tests of one app: each test looks for its own records.
public abstract class AuditPagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task CasePage_ReadByStaff_AppendsAnEntryNamingThePersonAndTheFieldsShown()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Audibert", "Solène"));
        var applicant = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.ApplicantId).SingleAsync());

        using var session = await StaffSession.SignInAsync(app, security.UserName!);
        var (response, _) = await session.GetAsync($"/staff/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await EntriesForAsync(id);
        var entry = Assert.Single(entries);
        Assert.Equal(("staff", security.Id, "read"), (entry.ActorKind, entry.ActorId, entry.Action));
        Assert.Equal("page:/staff/cases/detail", entry.Component);
        Assert.Equal(("person", applicant.ToString()), (entry.SubjectType, entry.SubjectId));
        Assert.Equal(("case", post.Id), (entry.RecordType, entry.PostId));
        Assert.Contains("Surname", entry.Fields.Split(','));
        Assert.Contains("BirthDate", entry.Fields.Split(','));
        Assert.Equal(AuditLog.LeafHashOf(entry), entry.LeafHash);
    }

    [Fact]
    public async Task CasePage_StepTaken_AppendsAWriteAfterTheRead()
    {
        var (post, clerk, _, adjudicator, _) = await CaseSteps.TeamAsync(app);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Vasseur", "Ondine"));

        using var session = await StaffSession.SignInAsync(app, adjudicator.UserName!);
        var response = await session.PostFormAsync($"/staff/cases/{id}", new Dictionary<string, string>(), "#action-approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseState.Approved, await CaseSteps.StateAsync(app, id));
        var entries = await EntriesForAsync(id);
        Assert.Equal(["read", "write"], entries.Select(e => e.Action));
        Assert.Equal("State,DecisionReason", entries[1].Fields);
        Assert.Equal(adjudicator.Id, entries[1].ActorId);
    }

    [Fact]
    public async Task CaseList_ShowingNames_AppendsOneEntryPerApplicantShown()
    {
        var (post, clerk, _, _, _) = await CaseSteps.TeamAsync(app);
        var first = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Lemarchand", "Aurèle"));
        var second = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Delacroix", "Noémie"));

        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        var (response, _) = await session.GetAsync($"/staff/cases?Post={post.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { first, second })
        {
            var entry = Assert.Single(await EntriesForAsync(id));
            Assert.Equal(("page:/staff/cases", "Surname,GivenNames", clerk.Id), (entry.Component, entry.Fields, entry.ActorId));
        }
    }

    [Fact]
    public async Task AuditPage_Auditor_SeesTheEntriesAndTheCheckpointState()
    {
        var (post, clerk, security, _, _) = await CaseSteps.TeamAsync(app);
        var auditor = await app.CreateStaffAsync(Role.Auditor, post);
        var id = await CaseSteps.EnterAsync(app, clerk, CaseSteps.Passport(post, "Bellamy", "Corentin"));
        using (var reader = await StaffSession.SignInAsync(app, security.UserName!))
            await reader.GetAsync($"/staff/cases/{id}");

        using var session = await StaffSession.SignInAsync(app, auditor.UserName!);
        var (response, page) = await session.GetAsync($"/staff/audit?Subject={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(page.QuerySelectorAll("#audit-table tbody tr"));
        Assert.Contains(security.Id, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("page:/staff/cases/detail", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.GetElementById("audit-signature"));
        Assert.NotNull(page.GetElementById("audit-verify"));
    }

    [Fact]
    public async Task AuditPage_CheckAsked_VerifiesTheWholeLog()
    {
        var post = await app.CreatePostAsync();
        var administrator = await app.CreateStaffAsync(Role.Administrator, post);

        using var session = await StaffSession.SignInAsync(app, administrator.UserName!);
        var (response, page) = await session.GetAsync("/staff/audit?Check=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("fr-alert--success", page.GetElementById("audit-verification")?.ClassName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Clerk)]
    [InlineData(Role.SecurityOfficer)]
    [InlineData(Role.Adjudicator)]
    [InlineData(Role.PrintOperator)]
    [InlineData(Role.Consul)]
    public async Task AuditPage_OtherRoles_AreRefused(Role role)
    {
        var post = await app.CreatePostAsync();
        var agent = await app.CreateStaffAsync(role, post);

        using var session = await StaffSession.SignInAsync(app, agent.UserName!);
        var (response, _) = await session.GetAsync("/staff/audit");

        // Refused as every staff page refuses: to the "access denied" page, which answers 403.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/denied", response.Headers.Location?.AbsolutePath);
        var (denied, _) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task AuditPage_Anonymous_IsSentToSignIn()
    {
        using var session = StaffSession.Anonymous(app);
        var (response, _) = await session.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/signin", response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StaffAccounts_SeenAndDisabledByAnAdministrator_AndAPasskeyAdded_AreLoggedAsStaffData()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        using var administrator = await StaffSession.SignInAsync(app, admin.UserName!);

        var disabled = await administrator.PostFormAsync($"/staff/comptes?Q={clerk.UserName}", new Dictionary<string, string>(), $"#account-{clerk.UserName} form");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == clerk.Id).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(["read", "write"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("staff", admin.Id, "staff-account", "staff", clerk.Id, "page:/staff/comptes"), (e.ActorKind, e.ActorId, e.RecordType, e.SubjectType, e.SubjectId, e.Component)));
        Assert.Equal(("DisabledAt", "account disabled"), (entries[1].Fields, entries[1].Reason));

        // An agent's own factor: the administrator's second passkey, made on the passkeys page.
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == admin.Id));
        using var device = new SoftAuthenticator(admin.Id);
        var options = await administrator.PasskeyOptionsAsync("/staff/compte/cles", "CreationOptions");
        var added = await administrator.PostAsync("/staff/compte/cles?handler=Add", [new("Credential", device.Create(options, administrator.Origin))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var own = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == admin.Id).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(before + 1, own.Count);
        Assert.Equal(("write", "Passkeys", "passkey added", admin.Id), (own[^1].Action, own[^1].Fields, own[^1].Reason, own[^1].ActorId));
    }

    private Task<List<AuditEntry>> EntriesForAsync(Guid caseId)
    {
        var record = caseId.ToString();
        return app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == record).OrderBy(e => e.Seq).ToListAsync());
    }
}

public sealed class AuditPagesTestsSqlite(SqliteAppFixture fixture) : AuditPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class AuditPagesTestsPostgres(PostgresAppFixture fixture) : AuditPagesTests(fixture), IClassFixture<PostgresAppFixture>;
