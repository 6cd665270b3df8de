using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Tests.Security;

/// <summary>
/// Staff sign-in: the second factor is mandatory (enrolment first, then a code at every sign-in), codes and
/// recovery codes work once, five failures lock the account, a disabled account or a changed factor ends the
/// account's sessions within a minute, idle sessions end after 15 minutes, old password hashes are upgraded,
/// and the back office answers only on the staff listener.
/// </summary>
public abstract class StaffSignInTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task PasswordOnlySession_NoStaffPageAnswers_EachSendsToEnrolment()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync([Role.Clerk, Role.Consul, Role.Administrator], enrolled: false, post);
        using var session = StaffSession.Anonymous(app);

        var password = await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/staff/compte/activation", password.Headers.Location?.OriginalString);
        foreach (var path in new[] { "/staff", "/staff/cases", "/staff/stock", "/staff/designations", "/staff/comptes", "/staff/compte", "/staff/rendez-vous/blocages" })
        {
            var (response, _) = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/staff/compte/activation", response.Headers.Location?.OriginalString);
        }

        // The staff API takes API keys only: a sign-in cookie of any kind is not a credential there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync(new Uri("/api/v1/cases", UriKind.Relative))).StatusCode);
        // A state-changing form is refused too (the antiforgery token is valid; the session is not enough).
        var (_, enrolPage) = await session.GetAsync("/staff/compte/activation");
        Assert.NotNull(enrolPage.QuerySelector("#authenticator-key"));
        using var forged = await session.PostAsync("/staff/compte?handler=RecoveryCodes", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("/staff/compte/activation", forged.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<UserManager<StaffUser>>().CountRecoveryCodesAsync(clerk)));
    }

    [Fact]
    public async Task PasswordStepAlone_ForAnEnrolledAccount_OpensNoStaffPage()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = StaffSession.Anonymous(app);

        var password = await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);

        Assert.StartsWith("/staff/signin/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var (cases, _) = await session.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.Redirect, cases.StatusCode);
        Assert.StartsWith("http://staff.test/staff/signin?", cases.Headers.Location?.ToString(), StringComparison.Ordinal);
        var (enrol, _) = await session.GetAsync("/staff/compte/activation");
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.StartsWith("http://staff.test/staff/signin?", enrol.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStep_WithoutThePasswordStep_SendsToSignIn()
    {
        using var session = StaffSession.Anonymous(app);

        var (response, _) = await session.GetAsync("/staff/signin/code");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/signin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Enrolment_WithTheAppsCode_ShowsTenRecoveryCodesOnce_ThenTheStaffPagesOpen()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync([Role.Clerk], enrolled: false, post);
        using var session = StaffSession.Anonymous(app);
        await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);

        var (page, enrol) = await session.GetAsync("/staff/compte/activation");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(enrol.QuerySelector(".chancery-qr svg"));
        var shownKey = enrol.GetElementById("authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var storedKey = await app.WithServicesAsync(sp => sp.GetRequiredService<UserManager<StaffUser>>().GetAuthenticatorKeyAsync(clerk));
        Assert.Equal(storedKey, shownKey, ignoreCase: true);

        using var wrong = await session.PostFormAsync("/staff/compte/activation", new Dictionary<string, string> { ["Input.Code"] = "000000" == await app.AuthenticatorCodeAsync(clerk.UserName!) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(wrong)));

        using var done = await session.PostFormAsync("/staff/compte/activation", new Dictionary<string, string> { ["Input.Code"] = await app.AuthenticatorCodeAsync(clerk.UserName!) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = (await Html.ParseAsync(done)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/cases")).Response.StatusCode);
        var (again, _) = await session.GetAsync("/staff/compte/activation");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/staff/compte", again.Headers.Location?.OriginalString);
        var (account, accountPage) = await session.GetAsync("/staff/compte");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.DoesNotContain(codes[0], accountPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("10", accountPage.GetElementById("recovery-codes-left")!.TextContent, StringComparison.Ordinal);

        // The next sign-in asks for a code.
        using var next = await StaffSession.SignInAsync(app, clerk.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task SecondStep_SameCodeTwice_IsRefusedTheSecondTime()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var code = await app.AuthenticatorCodeAsync(clerk.UserName!);
        using var first = StaffSession.Anonymous(app);
        using var second = StaffSession.Anonymous(app);

        var firstStep = await first.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);
        var firstCode = await first.SecondStepAsync(firstStep.Headers.Location!.OriginalString, code);
        var secondStep = await second.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);
        var replayed = await second.SecondStepAsync(secondStep.Headers.Location!.OriginalString, code);

        Assert.Equal(HttpStatusCode.Redirect, firstCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(replayed)));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndNotTwice()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var codes = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<UserManager<StaffUser>>().GenerateNewTwoFactorRecoveryCodesAsync(await sp.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(clerk.Id) ?? clerk, 10))!.ToList());
        using var first = StaffSession.Anonymous(app);
        using var second = StaffSession.Anonymous(app);

        var firstStep = await first.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);
        var used = await first.SecondStepAsync(firstStep.Headers.Location!.OriginalString, codes[3].ToLowerInvariant());
        var secondStep = await second.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);
        var again = await second.SecondStepAsync(secondStep.Headers.Location!.OriginalString, codes[3]);

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff/cases")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff/cases")).Response.StatusCode);
        Assert.Equal(9, await app.WithServicesAsync(async sp => await sp.GetRequiredService<UserManager<StaffUser>>().CountRecoveryCodesAsync((await sp.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(clerk.Id))!)));
    }

    [Fact]
    public async Task Lockout_AfterFiveWrongPasswords_TheSixthWithTheRightPasswordIsRefused()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = StaffSession.Anonymous(app);
        for (var attempt = 1; attempt <= 5; attempt++)
            await session.SignInAttemptAsync(clerk.UserName!, $"Wrong-Password-{attempt}");

        var sixth = await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("verrouillé", (await Html.ParseAsync(sixth)).GetElementById("error-summary")?.TextContent, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => StaffSession.SignInAsync(app, clerk.UserName!));
    }

    [Fact]
    public async Task Lockout_WrongCodesCountToo_TheRightCodeAfterFiveIsRefused()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var right = await app.AuthenticatorCodeAsync(clerk.UserName!);
        var wrong = right == "123456" ? "654321" : "123456";
        using var session = StaffSession.Anonymous(app);
        var step = await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);
        for (var attempt = 1; attempt <= 5; attempt++)
            await session.SecondStepAsync(step.Headers.Location!.OriginalString, wrong);

        var sixth = await session.SecondStepAsync(step.Headers.Location!.OriginalString, right);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_LiveSessionEndsWithinAMinute_AndItCannotSignIn()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        using var agent = await StaffSession.SignInAsync(app, clerk.UserName!);
        using var administrator = await StaffSession.SignInAsync(app, admin.UserName!);

        var disabled = await administrator.PostFormAsync($"/staff/comptes?Q={clerk.UserName}", new Dictionary<string, string>(), $"#account-{clerk.UserName} form");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == clerk.Id).DisabledAt)));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var (after, _) = await agent.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://staff.test/staff/signin?", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var fresh = StaffSession.Anonymous(app);
        var again = await fresh.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/staff/cases")).Response.StatusCode);

        var enabled = await administrator.PostFormAsync($"/staff/comptes?Q={clerk.UserName}", new Dictionary<string, string>(), $"#account-{clerk.UserName} form");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        using var back = await StaffSession.SignInAsync(app, clerk.UserName!);
    }

    [Fact]
    public async Task AccountsPage_ForANonAdministrator_IsRefused()
    {
        var post = await app.CreatePostAsync();
        var consul = await app.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(app, consul.UserName!);

        var (page, _) = await session.GetAsync("/staff/comptes");
        using var post2 = await session.PostAsync("/staff/comptes?handler=Disable", new Dictionary<string, string> { ["userId"] = consul.Id });

        Assert.Equal("/staff/denied", page.Headers.Location?.AbsolutePath);
        Assert.Equal("/staff/denied", post2.Headers.Location?.AbsolutePath);
        Assert.Null(await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == consul.Id).DisabledAt)));
    }

    [Fact]
    public async Task ChangingTheAuthenticator_EndsTheOtherSessions_AndThisOneEnrolsAgain()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var here = await StaffSession.SignInAsync(app, clerk.UserName!);
        using var elsewhere = await StaffSession.SignInAsync(app, clerk.UserName!);

        using var wrongPassword = await here.PostFormAsync("/staff/compte", new Dictionary<string, string> { ["Reset.Password"] = "Not-The-Password-1" }, "#reset-authenticator");
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        using var reset = await here.PostFormAsync("/staff/compte", new Dictionary<string, string> { ["Reset.Password"] = ChanceryApp.StaffPassword }, "#reset-authenticator");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/staff/compte/activation", reset.Headers.Location?.OriginalString);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var (other, _) = await elsewhere.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("http://staff.test/staff/signin?", other.Headers.Location?.ToString(), StringComparison.Ordinal);
        var (mine, _) = await here.GetAsync("/staff/cases");
        Assert.Equal("/staff/compte/activation", mine.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NewRecoveryCodes_EndTheOtherSessions_AndKeepThisOne()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var here = await StaffSession.SignInAsync(app, clerk.UserName!);
        using var elsewhere = await StaffSession.SignInAsync(app, clerk.UserName!);

        using var codes = await here.PostFormAsync("/staff/compte", new Dictionary<string, string>(), "#new-recovery-codes");

        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        Assert.Equal(10, (await Html.ParseAsync(codes)).QuerySelectorAll("#recovery-codes li").Length);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/staff/cases")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff/cases")).Response.StatusCode);
        // Past the stamp check, the session still carries its second factor.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task IdleSession_EndsAfterFifteenMinutes_AnActiveOneGoesOn()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var idle = await StaffSession.SignInAsync(app, clerk.UserName!);
        using var active = await StaffSession.SignInAsync(app, clerk.UserName!);

        for (var minute = 0; minute < 16; minute += 8)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(8));
            Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/staff/cases")).Response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v3-10000")]
    public async Task SignIn_WithAnOldPasswordHash_RehashesItAsPbkdf2Sha512With210000Iterations(string format)
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var old = format == "v2"
            ? new PasswordHasher<StaffUser>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 })).HashPassword(clerk, ChanceryApp.StaffPassword)
            : new PasswordHasher<StaffUser>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 })).HashPassword(clerk, ChanceryApp.StaffPassword);
        await app.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.Id == clerk.Id);
            user.PasswordHash = old;
            return await db.SaveChangesAsync();
        });

        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var hash = Convert.FromBase64String(await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == clerk.Id).PasswordHash!)));
        Assert.Equal(0x01, hash[0]);
        Assert.Equal((uint)KeyDerivationPrfSha512, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.Equal(210_000u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        Assert.NotEqual(old, Convert.ToBase64String(hash));
    }

    [Fact]
    public async Task PublicListener_Answers404ForTheBackOfficeAndTheStaffApi_ButNotForTheWebhook()
    {
        var post = await app.CreatePostAsync();
        using var staffApi = await app.ApiClientAsync(Role.Clerk, post);
        using var publicClient = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        publicClient.DefaultRequestHeaders.Authorization = staffApi.DefaultRequestHeaders.Authorization;

        foreach (var path in new[] { "/staff/signin", "/staff/cases", "/staff/signin/code", "/staff/compte/activation", "/api/v1/cases", "/api/v1/stock", "/STAFF/signin" })
            Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        using var signIn = new FormUrlEncodedContent([new("Input.UserName", "x"), new("Input.Password", "y")]);
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.PostAsync(new Uri("/staff/signin", UriKind.Relative), signIn)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        using var webhook = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        Assert.NotEqual(HttpStatusCode.NotFound, (await publicClient.PostAsync(new Uri("/api/v1/payments/notifications", UriKind.Relative), webhook)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffApi.GetAsync(new Uri("/api/v1/cases", UriKind.Relative))).StatusCode);
        using var staff = StaffSession.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/staff/signin")).Response.StatusCode);
    }

    [Fact]
    public async Task StaffVerb_DisablesAnAccount_EndingItsSessionWithinAMinute_AndRefusesBadInputWithExitTwo()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var (code, output, _) = await StaffVerbAsync("disable", clerk.UserName!);
        var (unknown, _, unknownError) = await StaffVerbAsync("disable", "nobody-" + Guid.NewGuid().ToString("N"));
        var (wrong, _, wrongError) = await StaffVerbAsync("explode", clerk.UserName!);

        Assert.Equal(0, code);
        Assert.Contains(clerk.UserName!, output, StringComparison.Ordinal);
        Assert.Equal(2, unknown);
        Assert.Single(unknownError.Trim().Split('\n'));
        Assert.Equal(2, wrong);
        Assert.StartsWith("usage:", wrongError, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
        Assert.Equal(0, (await StaffVerbAsync("enable", clerk.UserName!)).Code);
        using var back = await StaffSession.SignInAsync(app, clerk.UserName!);

        // Both changes are in the audit log, by the operating-system account that ran the command.
        var logged = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == clerk.Id).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(["cli:staff disable", "cli:staff enable"], logged.Select(e => e.Component));
        Assert.All(logged, e => Assert.Equal(("cli", "write", "staff", "DisabledAt"), (e.ActorKind, e.Action, e.SubjectType, e.Fields)));
    }

    private async Task<(int Code, string Output, string Error)> StaffVerbAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await app.WithServicesAsync(sp => Chancery.Web.Cli.StaffCommand.RunAsync(args, sp, stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private const int KeyDerivationPrfSha512 = 2;

    [Fact]
    public async Task SecondFactorSecrets_AreSealedInTheDatabase_AndDoNotOpenForAnotherAccount()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        var other = await app.CreateStaffAsync(Role.Clerk, post);
        var (key, codes) = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(clerk.Id))!;
            return (await users.GetAuthenticatorKeyAsync(user), (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList());
        });
        Assert.False(string.IsNullOrEmpty(key));

        await using (var raw = new ChanceryDb(app.Database.BareOptions()))
        {
            var tokens = await raw.UserTokens.AsNoTracking().Where(t => t.UserId == clerk.Id).ToListAsync();
            foreach (var name in new[] { "AuthenticatorKey", "RecoveryCodes" })
            {
                var stored = Assert.Single(tokens, t => t.Name == name).Value!;
                Assert.StartsWith("s1.", stored, StringComparison.Ordinal);
                Assert.DoesNotContain(key!, stored, StringComparison.Ordinal);
                Assert.All(codes, c => Assert.DoesNotContain(c, stored, StringComparison.Ordinal));
            }

            // The clerk's sealed key put on the other account does not open there.
            var sealedKey = tokens.Single(t => t.Name == "AuthenticatorKey").Value;
            var target = await raw.UserTokens.SingleAsync(t => t.UserId == other.Id && t.Name == "AuthenticatorKey");
            target.Value = sealedKey;
            await raw.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<Chancery.Core.Protection.SealedValueException>(() => app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(other.Id))!);
        }));
    }
}

public sealed class StaffSignInTestsSqlite(SqliteAppFixture fixture) : StaffSignInTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class StaffSignInTestsPostgres(PostgresAppFixture fixture) : StaffSignInTests(fixture), IClassFixture<PostgresAppFixture>;
