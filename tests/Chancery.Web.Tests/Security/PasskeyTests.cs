using System.Net;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Security;

/// <summary>
/// Passkeys: an agent adds one from /staff/compte/cles and signs in with it alone (the device checks the person);
/// administrators work only in a session opened or confirmed with a passkey; a tampered, unknown, replayed or
/// disabled account's passkey opens nothing. The authenticator is <see cref="SoftAuthenticator"/>; the browser
/// journey with Chromium's virtual authenticator is in Chancery.BrowserTests.
/// </summary>
public abstract class PasskeyTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task Administrator_SignedInWithPasswordAndCode_IsSentToThePasskeyPage_UntilTheSessionUsesAPasskey()
    {
        var post = await app.CreatePostAsync();
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        using var session = await SignInWithCodeAsync(admin);

        foreach (var path in new[] { "/staff/comptes", "/staff/cases", "/staff/compte" })
        {
            var (refused, _) = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/staff/compte/cles?ReturnUrl=" + Uri.EscapeDataString(path), refused.Headers.Location?.OriginalString);
        }

        var (page, html) = await session.GetAsync("/staff/compte/cles?ReturnUrl=%2Fstaff%2Fcomptes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(html.QuerySelector("#passkey-required"));
        Assert.NotNull(html.QuerySelector("form#confirm-passkey[data-passkey=get]"));

        var options = await session.PasskeyOptionsAsync("/staff/compte/cles", "RequestOptions");
        var confirmed = await session.PostAsync("/staff/compte/cles?handler=Confirm",
            [new("Credential", app.Passkeys[admin.UserName!].Get(options, session.Origin)), new("ReturnUrl", "/staff/comptes")]);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/staff/comptes", confirmed.Headers.Location?.OriginalString);
        var (accounts, _) = await session.GetAsync("/staff/comptes");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }

    [Fact]
    public async Task Administrator_WithoutAPasskey_AddsOne_ThenSignsInWithItAlone()
    {
        var post = await app.CreatePostAsync();
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        await ForgetPasskeysAsync(admin);
        using var session = await SignInWithCodeAsync(admin);
        var (page, html) = await session.GetAsync("/staff/compte/cles");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(html.QuerySelector("#no-passkey"));
        Assert.NotNull(html.QuerySelector("form#add-passkey[data-passkey=create]"));

        using var device = new SoftAuthenticator(admin.Id);
        var options = await session.PasskeyOptionsAsync("/staff/compte/cles", "CreationOptions");
        var added = await session.PostAsync("/staff/compte/cles?handler=Add", [new("Credential", device.Create(options, session.Origin)), new("Name", "Ordinateur du bureau")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stored = Assert.Single(await PasskeysOfAsync(admin));
        Assert.Equal("Ordinateur du bureau", stored.Name);
        Assert.True(stored.IsUserVerified);
        // Making the passkey counts for this session.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/comptes")).Response.StatusCode);

        using var again = StaffSession.Anonymous(app);
        var signedIn = await again.PasskeySignInAsync(device);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/staff/cases", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/staff/comptes")).Response.StatusCode);
        Assert.True((await PasskeysOfAsync(admin)).Single().SignCount > 0);
    }

    [Fact]
    public async Task Clerk_AddsAPasskey_AndSignsInWithIt_WithoutPasswordOrCode()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);
        // A clerk is not made to use one.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/cases")).Response.StatusCode);
        using var device = new SoftAuthenticator(clerk.Id);
        var options = await session.PasskeyOptionsAsync("/staff/compte/cles", "CreationOptions");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync("/staff/compte/cles?handler=Add", [new("Credential", device.Create(options, session.Origin))])).StatusCode);

        using var fresh = StaffSession.Anonymous(app);
        var signedIn = await fresh.PasskeySignInAsync(device);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task TamperedUnknownOrReplayedPasskey_OpensNoSession_AndSaysSo()
    {
        var post = await app.CreatePostAsync();
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        var device = app.Passkeys[admin.UserName!];

        using var tampered = StaffSession.Anonymous(app);
        await AssertRefusedAsync(tampered, await tampered.PasskeySignInAsync(device, tamper: true));

        using var stranger = StaffSession.Anonymous(app);
        using var unknown = new SoftAuthenticator(admin.Id);
        await AssertRefusedAsync(stranger, await stranger.PasskeySignInAsync(unknown));

        // The same assertion posted twice: the challenge it signed was used up by the first.
        using var first = StaffSession.Anonymous(app);
        var options = await first.PasskeyOptionsAsync("/staff/signin", "PasskeyOptions");
        var credential = device.Get(options, first.Origin);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync("/staff/signin?handler=Passkey", [new("Credential", credential)])).StatusCode);
        using var replay = StaffSession.Anonymous(app);
        await replay.PasskeyOptionsAsync("/staff/signin", "PasskeyOptions");
        await AssertRefusedAsync(replay, await replay.PostAsync("/staff/signin?handler=Passkey", [new("Credential", credential)]));

        using var garbage = StaffSession.Anonymous(app);
        await garbage.PasskeyOptionsAsync("/staff/signin", "PasskeyOptions");
        await AssertRefusedAsync(garbage, await garbage.PostAsync("/staff/signin?handler=Passkey", [new("Credential", "{\"id\": 3}")]));
    }

    [Fact]
    public async Task DisabledAccount_CannotSignInWithItsPasskey()
    {
        var post = await app.CreatePostAsync();
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(admin.Id))!;
            user.DisabledAt = app.Clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            return 0;
        });
        using var session = StaffSession.Anonymous(app);

        var answer = await session.PasskeySignInAsync(app.Passkeys[admin.UserName!]);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(Html.ErrorMessages(await Html.ParseAsync(answer)), m => m.Contains("administrat", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task Administrator_CannotRemoveTheirLastPasskey()
    {
        var post = await app.CreatePostAsync();
        var admin = await app.CreateStaffAsync(Role.Administrator, post);
        using var session = await StaffSession.SignInAsync(app, admin.UserName!);
        var (_, html) = await session.GetAsync("/staff/compte/cles");
        var id = html.QuerySelector("#passkeys input[name=Id]")!.GetAttribute("value")!;

        var refused = await session.PostAsync("/staff/compte/cles?handler=Remove", [new("Id", id)]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(refused)));
        Assert.Single(await PasskeysOfAsync(admin));
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostAsync("/staff/compte/cles?handler=Remove", [new("Id", "bm8tc3VjaC1rZXk")])).StatusCode);
    }

    private async Task<StaffSession> SignInWithCodeAsync(StaffUser user)
    {
        var session = StaffSession.Anonymous(app);
        var password = await session.SignInAttemptAsync(user.UserName!, ChanceryApp.StaffPassword);
        var code = await session.SecondStepAsync(password.Headers.Location!.OriginalString, await app.AuthenticatorCodeAsync(user.UserName!));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return session;
    }

    private static async Task AssertRefusedAsync(StaffSession session, HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(answer)));
        var (cases, _) = await session.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.Redirect, cases.StatusCode);
        Assert.Contains("/staff/signin", cases.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private Task<IList<UserPasskeyInfo>> PasskeysOfAsync(StaffUser user) =>
        app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return await users.GetPasskeysAsync((await users.FindByIdAsync(user.Id))!);
        });

    private async Task ForgetPasskeysAsync(StaffUser user)
    {
        foreach (var passkey in await PasskeysOfAsync(user))
        {
            await app.WithServicesAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<StaffUser>>();
                return await users.RemovePasskeyAsync((await users.FindByIdAsync(user.Id))!, passkey.CredentialId);
            });
        }

        app.Passkeys.TryRemove(user.UserName!, out _);
    }
}

public sealed class PasskeyTestsSqlite(SqliteAppFixture fixture) : PasskeyTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PasskeyTestsPostgres(PostgresAppFixture fixture) : PasskeyTests(fixture), IClassFixture<PostgresAppFixture>;
