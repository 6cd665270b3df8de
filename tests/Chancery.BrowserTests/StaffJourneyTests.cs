using Chancery.Core.Documents.Mrz;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

/// <summary>
/// The core journey in a real browser: a clerk enters a visa case, a security officer records the
/// checks, an adjudicator approves, a print operator prints. Every page visited passes axe.
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

        var caseUrl = await EnterVisaCaseAsync(clerk.UserName!, post);
        await TakeStepAsync(security.UserName!, caseUrl, "recordchecks", async form =>
        {
            await form.Locator("input[name='Act.Passed'][value='true']").CheckAsync(new() { Force = true });
            await form.Locator("textarea[name='Act.Reason']").FillAsync("No match in the lookout lists");
        });
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

    private async Task<string> EnterVisaCaseAsync(string userName, Post post)
    {
        var page = await SignInAsync(userName);
        await page.GotoAsync("/staff/cases/new");
        await CheckAccessibleAsync(page);
        var from = fixture.App.Clock.GetUtcNow().UtcDateTime.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = fixture.App.Clock.GetUtcNow().UtcDateTime.AddDays(34).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#Input_PostCode", post.Code);
        await page.SelectOptionAsync("#Input_Kind", "Visa");
        await page.FillAsync("#Input_Applicant_Surname", "Nguyễn");
        await page.FillAsync("#Input_Applicant_GivenNames", "Thị Minh");
        await page.FillAsync("#Input_Applicant_BirthDate", "1991-04-23");
        await page.SelectOptionAsync("#Input_Applicant_Sex", "F");
        await page.FillAsync("#Input_Applicant_Nationality", "VNM");
        await page.SelectOptionAsync("#Input_Visa_Category", "C");
        await page.SelectOptionAsync("#Input_Visa_Entries", "Single");
        await page.FillAsync("#Input_Visa_Purpose", "Family visit");
        await page.FillAsync("#Input_Visa_RequestedFrom", from);
        await page.FillAsync("#Input_Visa_RequestedUntil", until);
        await page.FillAsync("#Input_Visa_TravelDocumentNumber", "C1234567");
        await page.FillAsync("#Input_Visa_TravelDocumentState", "VNM");
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
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "fr-FR" });
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
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staff/cases"));
        await CheckAccessibleAsync(page);
        return page;
    }

    private async Task CheckAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        visited.Add(new Uri(page.Url).AbsolutePath);
        Assert.True(
            result.Violations.Length == 0,
            $"axe on {page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }
}
