using Chancery.Core.Documents.Mrz;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

/// <summary>
/// The core journeys in a real browser: a clerk enters a visa case, which is screened at entry; a
/// security officer finds it clear, an adjudicator approves, a print operator prints. And a listed
/// applicant: the case lands in hit, and a security officer finds it in the hit queue, compares the
/// applicant with the listed person and clears it as a false positive. Every page visited passes axe.
/// </summary>
public sealed class StaffJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly List<string> visited = [];

    [Fact]
    public async Task ClerkSecurityAdjudicatorPrinter_PrintACase_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var clerk = await fixture.App.CreateStaffAsync(Role.Clerk, post);
        var security = await fixture.App.CreateStaffAsync(Role.SecurityOfficer, post);
        var adjudicator = await fixture.App.CreateStaffAsync(Role.Adjudicator, post);
        var printer = await fixture.App.CreateStaffAsync(Role.PrintOperator, post);

        var caseUrl = await EnterVisaCaseAsync(clerk.UserName!, post, "Nguyễn", "Thị Minh", "1991-04-23", "VNM", "C1234567");
        await SeeCaseAsync(security.UserName!, caseUrl, "Contrôles favorables");
        await TakeStepAsync(adjudicator.UserName!, caseUrl, "approve");
        var page = await TakeStepAsync(printer.UserName!, caseUrl, "print");

        var mrz = (await page.Locator("pre[aria-labelledby='mrz-label']").InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reading = MrzParser.Parse(mrz);
        Assert.True(reading.Valid, string.Join("; ", reading.Problems));
        Assert.Equal("NGUYEN", reading.Surname);
        Assert.Equal(MrzFormat.MRVA, reading.Format);

        await page.GotoAsync(caseUrl + "/document");
        await CheckAccessibleAsync(page);
        Assert.Contains(reading.DocumentNumber, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(visited.Count >= 10, "pages checked: " + string.Join(", ", visited));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClerkSecurity_ListedApplicant_LandsInHitAndIsClearedAsAFalsePositive_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var clerk = await fixture.App.CreateStaffAsync(Role.Clerk, post);
        var security = await fixture.App.CreateStaffAsync(Role.SecurityOfficer, post);
        await fixture.App.ListAsync(new ListedPerson("VOSKRESENSKAYA", "Anastasia", "1983", "RUS", Aliases: "VOSKRESENSKAIA, Anastasiya"));

        var caseUrl = await EnterVisaCaseAsync(clerk.UserName!, post, "Voskresenskaya", "Anastasia", "1983-06-17", "RUS", "751234567");
        var reference = await SeeCaseAsync(clerk.UserName!, caseUrl, "Signalement");

        var page = await SignInAsync(security.UserName!);
        await page.ClickAsync("#header-navigation a[href='/staff/screening/hits']");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/screening/hits$"));
        await CheckAccessibleAsync(page);
        await page.ClickAsync($"#hits-table a:has-text('{reference}')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/cases/[0-9a-f-]{36}$"));
        Assert.Equal(caseUrl, new Uri(page.Url).AbsolutePath);
        await CheckAccessibleAsync(page);
        Assert.Contains("Voskresenskaya", await page.Locator("#hit-match-1-screened").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("VOSKRESENSKAYA", await page.Locator("#hit-match-1-listed").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#hit-match-1-reasons li").CountAsync() > 0);

        var form = page.Locator("form#action-resolvehit");
        await form.Locator("input[name='Act.Passed'][value='true']").CheckAsync(new() { Force = true });
        await form.Locator("textarea[name='Act.Reason']").FillAsync("Born in Tver, not in Moscow like the listed person; passport checked with the issuing authority.");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(0, await page.Locator(".fr-alert--error").CountAsync());
        await CheckAccessibleAsync(page);
        Assert.Equal("Signalement levé", (await page.Locator(".fr-badge").First.TextContentAsync() ?? "").Trim());
        Assert.Contains("Faux positif", await page.Locator("#hit-comparison-lead").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/staff/screening/hits");
        await CheckAccessibleAsync(page);
        Assert.Equal(0, await page.Locator($"#hits-table a:has-text('{reference}')").CountAsync());
        await page.Context.CloseAsync();
    }

    // Signs in, opens the case, checks its state badge; returns the case reference.
    private async Task<string> SeeCaseAsync(string userName, string caseUrl, string state)
    {
        var page = await SignInAsync(userName);
        await page.GotoAsync(caseUrl);
        await CheckAccessibleAsync(page);
        Assert.Equal(state, (await page.Locator(".fr-badge").First.TextContentAsync() ?? "").Trim());
        var title = await page.Locator("h1").InnerTextAsync();
        await page.Context.CloseAsync();
        return title.Split(' ')[^1].Trim();
    }

    private async Task<string> EnterVisaCaseAsync(string userName, Post post, string surname, string given, string born, string nationality, string travelDocument)
    {
        var page = await SignInAsync(userName);
        await page.GotoAsync("/staff/cases/new");
        await CheckAccessibleAsync(page);
        var from = fixture.App.Clock.GetUtcNow().UtcDateTime.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = fixture.App.Clock.GetUtcNow().UtcDateTime.AddDays(34).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#Input_PostCode", post.Code);
        await page.SelectOptionAsync("#Input_Kind", "Visa");
        await page.FillAsync("#Input_Applicant_Surname", surname);
        await page.FillAsync("#Input_Applicant_GivenNames", given);
        await page.FillAsync("#Input_Applicant_BirthDate", born);
        await page.SelectOptionAsync("#Input_Applicant_Sex", "F");
        await page.FillAsync("#Input_Applicant_Nationality", nationality);
        await page.SelectOptionAsync("#Input_Visa_Category", "C");
        await page.SelectOptionAsync("#Input_Visa_Entries", "Single");
        await page.FillAsync("#Input_Visa_Purpose", "Family visit");
        await page.FillAsync("#Input_Visa_RequestedFrom", from);
        await page.FillAsync("#Input_Visa_RequestedUntil", until);
        await page.FillAsync("#Input_Visa_TravelDocumentNumber", travelDocument);
        await page.FillAsync("#Input_Visa_TravelDocumentState", nationality);
        await page.ClickAsync("form button[type=submit]:has-text('Enregistrer le dossier')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/cases/[0-9a-f-]{36}$"));
        await CheckAccessibleAsync(page);
        var url = new Uri(page.Url).AbsolutePath;
        await page.Context.CloseAsync();
        return url;
    }

    private async Task<IPage> TakeStepAsync(string userName, string caseUrl, string action, Func<ILocator, Task>? fill = null)
    {
        var page = await SignInAsync(userName);
        await page.GotoAsync(caseUrl);
        await CheckAccessibleAsync(page);
        var form = page.Locator($"form#action-{action}");
        if (fill is not null)
            await fill(form);
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(0, await page.Locator(".fr-alert--error").CountAsync());
        await CheckAccessibleAsync(page);
        if (action != "print")
            await page.Context.CloseAsync();
        return page;
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await PasswordStepAsync(userName);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/signin/code"));
        await CheckAccessibleAsync(page);
        await page.FillAsync("#Input_Code", await ChanceryApp.AuthenticatorCodeAsync(fixture.App.Services, userName));
        await page.ClickAsync("form button[type=submit]:has-text('Valider')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/cases"));
        await CheckAccessibleAsync(page);
        return page;
    }

    [Fact]
    public async Task NewAgent_EnrolsTheAuthenticatorApp_ThenReachesTheCases_WithNoAxeViolation()
    {
        var post = await fixture.App.CreatePostAsync();
        var clerk = await fixture.App.CreateStaffAsync([Role.Clerk], enrolled: false, post);

        var page = await PasswordStepAsync(clerk.UserName!);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/compte/activation"));
        await CheckAccessibleAsync(page);
        Assert.True(await page.Locator(".chancery-qr svg").IsVisibleAsync());
        await page.FillAsync("#Input_Code", await fixture.App.AuthenticatorCodeAsync(clerk.UserName!));
        await page.ClickAsync("form button[type=submit]:has-text('Activer')");
        await page.Locator("#recovery-codes li").First.WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await CheckAccessibleAsync(page);
        await page.ClickAsync("#enrol-continue");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/cases"));
        await page.Context.CloseAsync();
    }

    // WebAuthn takes a host name, not an IP address, as the relying party: this journey uses http://localhost.
    [Fact]
    public async Task Administrator_AddsAPasskeyWithTheBrowsersAuthenticator_ThenSignsInWithItAlone_WithNoAxeViolation()
    {
        var post = await fixture.App.CreatePostAsync();
        var admin = await fixture.App.CreateStaffAsync([Role.Administrator], enrolled: true, post);
        await fixture.App.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(admin.Id))!;
            foreach (var passkey in await users.GetPasskeysAsync(user))
                await users.RemovePasskeyAsync(user, passkey.CredentialId);
            return 0;
        });
        var localhost = new UriBuilder(fixture.StaffAddress) { Host = "localhost" }.Uri;
        var page = await PasswordStepAsync(admin.UserName!, localhost);
        // Chromium's virtual authenticator: a platform passkey store that verifies the user without asking.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/signin/code"));
        await page.FillAsync("#Input_Code", await fixture.App.AuthenticatorCodeAsync(admin.UserName!));
        await page.ClickAsync("form button[type=submit]:has-text('Valider')");

        // Password and code are not enough for an administrator: the passkeys page, to add one.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/compte/cles"));
        await page.Locator("#passkey-required").WaitForAsync();
        await CheckAccessibleAsync(page);
        await page.FillAsync("#add-passkey-name", "Poste du consulat");
        await page.ClickAsync("#add-passkey button[type=submit]");
        await page.Locator("#passkeys").WaitForAsync(new() { Timeout = 45_000 });
        Assert.Contains("Poste du consulat", await page.Locator("#passkeys").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAccessibleAsync(page);
        await page.GotoAsync("/staff/comptes");
        Assert.EndsWith("/staff/comptes", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // A new session in the same browser profile: the passkey alone signs in.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/staff/signin");
        await page.ClickAsync("#passkey-signin button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/cases"), new() { Timeout = 45_000 });
        await page.GotoAsync("/staff/comptes");
        Assert.EndsWith("/staff/comptes", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> PasswordStepAsync(string userName, Uri? address = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = (address ?? fixture.StaffAddress).ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                Assert.Fail("CSP violation on " + page.Url + ": " + message.Text);
        };
        await page.GotoAsync("/staff/signin");
        await CheckAccessibleAsync(page);
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ChanceryApp.StaffPassword);
        await page.ClickAsync("form button[type=submit]:has-text('Se connecter')");
        return page;
    }

    private async Task CheckAccessibleAsync(IPage page)
    {
        visited.Add(new Uri(page.Url).AbsolutePath);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
