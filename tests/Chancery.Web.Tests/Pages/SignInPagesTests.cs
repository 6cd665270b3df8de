using System.Net;
using Chancery.Core.Staff;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Pages;

public abstract class SignInPagesTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Fact]
    public async Task StaffPage_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var session = StaffSession.Anonymous(app);

        var (response, _) = await session.GetAsync("/staff/cases?State=Approved");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://staff.test/staff/signin?ReturnUrl=%2Fstaff%2Fcases", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPasswordThenCode_RedirectsToTheCases()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = StaffSession.Anonymous(app);

        var response = await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/signin/code", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
        var second = await session.SecondStepAsync(response.Headers.Location!.OriginalString, await app.AuthenticatorCodeAsync(clerk.UserName!));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/staff/cases", second.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Theory]
    [InlineData("/staff/stock", "/staff/stock")]
    [InlineData("https://evil.example/staff", "/staff/cases")]
    [InlineData("//evil.example/staff", "/staff/cases")]
    public async Task SignIn_WithReturnUrl_GoesBackOnlyToLocalAddresses(string returnUrl, string expected)
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = StaffSession.Anonymous(app);

        var response = await session.PostFormAsync($"/staff/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.UserName"] = clerk.UserName!, ["Input.Password"] = ChanceryApp.StaffPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = await session.SecondStepAsync(response.Headers.Location!.OriginalString, await app.AuthenticatorCodeAsync(clerk.UserName!));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(expected, second.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsAMessageAndNoSession()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = StaffSession.Anonymous(app);

        var response = await session.SignInAttemptAsync(clerk.UserName!, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Identifiant ou mot de passe incorrect.", page.GetElementById("error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.GetElementById("Input_Password")?.GetAttribute("value") ?? "");
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_ShowsTheSameMessageAsAWrongPassword()
    {
        using var session = StaffSession.Anonymous(app);

        var response = await session.SignInAttemptAsync("nobody-" + Guid.NewGuid().ToString("N"), "Whatever-Password-1");

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Identifiant ou mot de passe incorrect.", page.GetElementById("error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_SixthAttemptIsLockedOutEvenWithTheRightPassword()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = StaffSession.Anonymous(app);

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await session.SignInAttemptAsync(clerk.UserName!, $"Wrong-Password-{attempt}");
            messages.Add((await Html.ParseAsync(wrong)).GetElementById("error-summary")?.TextContent ?? "");
        }

        var sixth = await session.SignInAttemptAsync(clerk.UserName!, ChanceryApp.StaffPassword);

        Assert.All(messages.Take(4), m => Assert.Contains("Identifiant ou mot de passe incorrect.", m, StringComparison.Ordinal));
        Assert.Contains("verrouillé", messages[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("verrouillé", (await Html.ParseAsync(sixth)).GetElementById("error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task SignOut_Get_OnlyOffersTheButtonAndKeepsTheSession()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var (response, page) = await session.GetAsync("/staff/signout");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main form[method=post] button[type=submit]"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        var response = await session.PostFormAsync("/staff/cases", new Dictionary<string, string>(), "form.chancery-signout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/signin", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRejected()
    {
        var post = await app.CreatePostAsync();
        var clerk = await app.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(app, clerk.UserName!);

        using var empty = new FormUrlEncodedContent([]);
        var response = await session.Client.PostAsync(new Uri("/staff/signout", UriKind.Relative), empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/cases")).Response.StatusCode);
    }
}

public sealed class SignInPagesTestsSqlite(SqliteAppFixture fixture) : SignInPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class SignInPagesTestsPostgres(PostgresAppFixture fixture) : SignInPagesTests(fixture), IClassFixture<PostgresAppFixture>;
