using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.TestCommon;
using Chancery.TestCommon.Smtp;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace Chancery.BrowserTests;

/// <summary>
/// The online application in a real browser, one journey per form: the applicant chooses the form on
/// /demande, answers each step (once with a required answer missing), pastes the two lines of a
/// passport's machine-readable zone, saves part-way and comes back on another device through the link
/// and the code e-mailed, uploads the documents, checks, signs the declaration and sends; the receipt
/// shows the number and its QR code, the case is in the register and the receipt is e-mailed.
/// Every page visited passes axe. The long-stay visa is applied for in English, the others in French.
/// </summary>
public sealed partial class ApplicationJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Ui French = new(
        "fr-FR", "Commencer", "Continuer", "Enregistrer et reprendre plus tard", "Remplir à partir de ces lignes",
        "Recevoir le lien", "Recevoir un code", "Reprendre ma demande", "Continuer vers la déclaration", "Envoyer ma demande");

    private static readonly Ui English = new(
        "en-GB", "Start", "Continue", "Save and come back later", "Fill in from these lines",
        "Get the link", "Get a code", "Continue my application", "Continue to the declaration", "Send my application");

    private readonly List<string> visited = [];
    private readonly List<string> cspErrors = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    private DateOnly Today => DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ShortStayVisa_InFrench_MrzThenSaveAndResumeOnAnotherDevice_Submits_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var answers = SampleApplications.ShortStayVisa(post.Code, Today, surname: UniqueSurname("Eriksson"));
        // The Doc 9303 specimen (Utopia, expired in 2012): it fills the document type and number; the
        // applicant then gives the real issuing state and a valid expiry date, and saves on this step.
        await RunAsync(new Journey(ApplicationForms.ShortStayVisa, answers, French, MrzVector: 0, MrzShows: "documentNumber",
            KeepFromMrz: ["documentType", "documentNumber"], SaveAt: "travel-document"));
    }

    [Fact]
    public async Task LongStayVisa_InEnglish_SaveAndResumeThenMrz_Submits_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var answers = SampleApplications.LongStayVisa(post.Code, Today, surname: UniqueSurname("Okafor"));
        // The German specimen passport (Erika Mustermann): the person's answers are already given, so only
        // the document's fill; the applicant saves on the occupation step, after the e-mail address is known.
        await RunAsync(new Journey(ApplicationForms.LongStayVisa, answers, English, MrzVector: 2, MrzShows: "documentNumber",
            KeepFromMrz: ["documentType", "documentNumber"], SaveAt: "occupation"));
    }

    [Fact]
    public async Task Passport_InFrench_SaveAndResumeThenPreviousPassportFromMrz_Submits_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var answers = SampleApplications.Passport(post.Code, Today, surname: UniqueSurname("Lefèvre"));
        // A Polish specimen as the previous passport: its number fills the step; the issue date is not in the zone.
        await RunAsync(new Journey(ApplicationForms.Passport, answers, French, MrzVector: 56, MrzShows: "previousPassportNumber",
            KeepFromMrz: ["previousPassportNumber"], SaveAt: "registration"));
    }

    [Fact]
    public async Task BirthReport_InFrench_ParentFromMrzThenSaveAndResume_Submits_WithNoAxeViolationOnAnyPage()
    {
        var post = await fixture.App.CreatePostAsync();
        var answers = SampleApplications.BirthReport(post.Code, Today, surname: UniqueSurname("Martin"));
        // The first parent's passport (a Chinese specimen) fills the parent's names, sex, date of birth and nationality.
        await RunAsync(new Journey(ApplicationForms.BirthReport, answers, French, MrzVector: 3, MrzShows: "parent1Surname",
            KeepFromMrz: ["parent1Surname", "parent1GivenNames", "parent1Sex", "parent1BirthDate", "parent1Nationality"], SaveAt: "marriage-known"));
    }

    private async Task RunAsync(Journey journey)
    {
        var ui = journey.Ui;
        var email = $"applicant.{Guid.NewGuid():N}@example.org";
        journey.Answers["email"] = email;
        var (mrzLines, mrzFields) = MrzVector(journey.MrzVector);

        // Start in French, as a browser set to French would; the English journey switches with the selector.
        var page = await NewPageAsync(French.Locale);
        await page.GotoAsync("/demande");
        await CheckAccessibleAsync(page);
        if (ui == English)
        {
            await page.Locator("button[aria-controls='translate-menu']").ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "EN - English" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("lang=en"));
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            await CheckAccessibleAsync(page);
        }

        var radio = journey.Form == ApplicationForms.All[0] ? "form" : "form-" + journey.Form.Slug;
        await page.Locator($"label[for='{radio}']").ClickAsync();
        await ClickAndLeaveAsync(page, ui.Start);
        Assert.Equal("/demande/etape/post", Path(page));

        // Once with the required answer missing: the page says so, and is accessible too.
        await Button(page, ui.Continue).ClickAsync();
        await page.Locator("#error-summary").WaitForAsync();
        Assert.Equal("true", await page.Locator("#postCode").GetAttributeAsync("aria-invalid"));
        await CheckAccessibleAsync(page);

        bool mrzDone = false, saved = false;
        for (var i = 0; i < 40 && Path(page).StartsWith("/demande/etape/", StringComparison.Ordinal); i++)
        {
            var key = Path(page)["/demande/etape/".Length..];
            var step = journey.Form.Step(key) ?? throw new InvalidOperationException("No step " + key);
            if (i > 0)
                await CheckAccessibleAsync(page);

            IReadOnlyCollection<string> keep = [];
            if (step.AcceptsMrz && !mrzDone)
            {
                await page.Locator("#mrz").FillAsync(string.Join("\n", mrzLines));
                await Button(page, ui.FillFromMrz).ClickAsync();
                await page.Locator("#mrz-filled").WaitForAsync();
                await CheckAccessibleAsync(page);
                var expected = journey.MrzShows.StartsWith("parent", StringComparison.Ordinal) ? mrzFields["surname"] : mrzFields["document_number"];
                Assert.Equal(expected, await page.Locator("#" + journey.MrzShows).InputValueAsync());
                foreach (var name in journey.KeepFromMrz)
                    Assert.True(await HasAnswerAsync(page, step.Fields.Single(f => f.Name == name)), $"The zone did not fill {name}.");
                keep = journey.KeepFromMrz;
                mrzDone = true;
            }

            await AnswerAsync(page, step, journey.Answers, keep);
            if (key == journey.SaveAt && !saved)
            {
                page = await SaveAndResumeOnAnotherDeviceAsync(page, ui, email);
                saved = true;
                continue;
            }
            await ClickAndLeaveAsync(page, ui.Continue);
        }
        Assert.True(mrzDone, "No step took the zone.");
        Assert.True(saved, "The journey never saved.");
        Assert.Equal("/demande/documents", Path(page));
        await CheckAccessibleAsync(page);

        foreach (var upload in journey.Form.Uploads.Where(u => u.Required))
        {
            var (width, height) = upload.Slot == UploadSlot.Photo ? (600, 800) : (900, 640);
            await page.Locator($"#file-{upload.Slot}").SetInputFilesAsync(new FilePayload
            {
                Name = upload.Slot == UploadSlot.Photo ? "photo.png" : "scan.png",
                MimeType = "image/png",
                Buffer = TestPng.Create(width, height),
            });
            await page.Locator($"#upload-{upload.Slot} button[type=submit]").ClickAsync();
            await page.Locator($"#uploaded-{upload.Slot}").WaitForAsync();
            Assert.Contains($"{width} × {height}", await page.Locator($"#uploaded-{upload.Slot}").InnerTextAsync(), StringComparison.Ordinal);
        }
        await CheckAccessibleAsync(page);
        await ClickAndLeaveAsync(page, ui.Continue);

        Assert.Equal("/demande/verifier", Path(page));
        await CheckAccessibleAsync(page);
        Assert.Equal(0, await page.Locator("#check-problems").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = ui.ToDeclaration, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/demande/declaration$"));
        await CheckAccessibleAsync(page);
        await page.Locator("label[for='declaration']").ClickAsync();
        await page.Locator("label[for='consent']").ClickAsync();
        await ClickAndLeaveAsync(page, ui.Submit);

        Assert.Equal("/demande/recu", Path(page));
        await CheckAccessibleAsync(page);
        var number = (await page.Locator("#application-number").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(number));
        Assert.Equal(1, await page.Locator(".chancery-qr svg").CountAsync());
        await page.Context.CloseAsync();

        var stored = await fixture.App.WithDbAsync(async db =>
        {
            var entered = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == number);
            var application = await db.SubmittedApplications.AsNoTracking().SingleAsync(a => a.CaseId == entered.Id);
            var documents = await db.ApplicationDocuments.AsNoTracking().CountAsync(d => d.CaseId == entered.Id);
            return (application, documents);
        });
        Assert.Equal(email, stored.application.Answers["email"]);
        Assert.Equal(journey.Form.Uploads.Count(u => u.Required), stored.documents);

        using var receipt = await MailAsync(email, m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal));
        Assert.Contains(number, receipt.TextBody, StringComparison.Ordinal);

        Assert.Empty(cspErrors);
        string[] kinds = ["/demande", "/demande/etape/", "/demande/sauvegarder", "/demande/reprendre/", "/demande/documents", "/demande/verifier", "/demande/declaration", "/demande/recu"];
        Assert.All(kinds, kind => Assert.Contains(visited, v => v.StartsWith(kind, StringComparison.Ordinal)));
    }

    // Presses "save and come back later", gives the e-mail address if asked, then, in another browser,
    // opens the link e-mailed, asks for a code and types it; returns that browser's page, on the first
    // step with a required answer missing.
    private async Task<IPage> SaveAndResumeOnAnotherDeviceAsync(IPage page, Ui ui, string email)
    {
        await Button(page, ui.SaveLater).ClickAsync();
        await page.WaitForURLAsync(new Regex("/demande/sauvegarder$"));
        await CheckAccessibleAsync(page);
        if (await page.Locator("#email").CountAsync() > 0)
            await page.Locator("#email").FillAsync(email);
        else
            Assert.Contains(email, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Button(page, ui.GetLink).ClickAsync();
        await page.Locator("#save-sent").WaitForAsync();
        await CheckAccessibleAsync(page);
        await page.Context.CloseAsync();

        using var linkMail = await MailAsync(email, m => (m.TextBody ?? "").Contains("/demande/reprendre/", StringComparison.Ordinal));
        var link = new Uri(ResumeLink().Match(linkMail.TextBody ?? "").Value).PathAndQuery;

        var elsewhere = await NewPageAsync(ui.Locale);
        await elsewhere.GotoAsync(link);
        await CheckAccessibleAsync(elsewhere);
        await Button(elsewhere, ui.GetCode).ClickAsync();
        await elsewhere.Locator("#code").WaitForAsync();
        await CheckAccessibleAsync(elsewhere);

        using var codeMail = await MailAsync(email, m =>
            !(m.TextBody ?? "").Contains("/demande/reprendre/", StringComparison.Ordinal) && SixDigits().IsMatch(m.TextBody ?? ""));
        await elsewhere.Locator("#code").PressSequentiallyAsync(SixDigits().Match(codeMail.TextBody ?? "").Value);
        await Button(elsewhere, ui.Resume).ClickAsync();
        await elsewhere.WaitForURLAsync(new Regex("/demande/etape/"));
        return elsewhere;
    }

    // Answers the step's questions as a person would: clicks the radio's label, picks in the list, types.
    private static async Task AnswerAsync(IPage page, FormStep step, Dictionary<string, string> answers, IReadOnlyCollection<string> keep)
    {
        foreach (var field in step.Fields)
        {
            if (keep.Contains(field.Name) || !answers.TryGetValue(field.Name, out var value))
                continue;
            switch (field.Type)
            {
                case FieldType.Choice or FieldType.YesNo:
                    var id = field.Choices![0] == value ? field.Name : $"{field.Name}-{value}";
                    await page.Locator($"label[for='{id}']").ClickAsync();
                    break;
                case FieldType.Post or FieldType.Country or FieldType.Nationality or FieldType.SchengenState:
                    await page.Locator("#" + field.Name).SelectOptionAsync(value);
                    break;
                default:
                    await page.Locator("#" + field.Name).FillAsync(value);
                    break;
            }
        }
    }

    private static async Task<bool> HasAnswerAsync(IPage page, FormField field) =>
        field.Type is FieldType.Choice or FieldType.YesNo
            ? await page.Locator($"input[name='{field.Name}']:checked").CountAsync() == 1
            : (await page.Locator("#" + field.Name).InputValueAsync()).Length > 0;

    // Presses the button and waits for the next page; if the page stays (refused answers), says why.
    private static async Task ClickAndLeaveAsync(IPage page, string button)
    {
        var before = page.Url;
        await Button(page, button).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => url != before, new() { Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".fr-message--error, #error-summary").AllInnerTextsAsync();
            Assert.Fail($"Still on {before} after '{button}': {string.Join(" | ", errors)}");
        }
    }

    private static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static string Path(IPage page) => new Uri(page.Url).AbsolutePath;

    private static string UniqueSurname(string stem) =>
        stem + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(5));

    private static (string[] Lines, Dictionary<string, string> Fields) MrzVector(int index)
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("mrz-vectors.json")));
        var vector = vectors.RootElement[index];
        Assert.Equal("TD3", vector.GetProperty("format").GetString());
        return (
            [.. vector.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!)],
            vector.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()));
    }

    private async Task<IPage> NewPageAsync(string locale)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (cspErrors)
                    cspErrors.Add(page.Url + ": " + message.Text);
            }
        };
        return page;
    }

    private async Task<MimeMessage> MailAsync(string to, Func<MimeMessage, bool> match)
    {
        var received = await fixture.Smtp.WaitForMessageAsync(m =>
        {
            if (!m.To.Contains(to))
                return false;
            using var message = Parse(m);
            return match(message);
        }, TimeSpan.FromSeconds(15));
        return Parse(received);
    }

    private static MimeMessage Parse(ReceivedMail mail)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Raw));
        return MimeMessage.Load(stream);
    }

    private async Task CheckAccessibleAsync(IPage page)
    {
        visited.Add(new Uri(page.Url).AbsolutePath);
        await Accessibility.AssertNoViolationsAsync(page, line => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {line}"));
    }

    [GeneratedRegex(@"https?://\S+/demande/reprendre/[A-Za-z0-9_\-]+")]
    private static partial Regex ResumeLink();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    private sealed record Ui(
        string Locale, string Start, string Continue, string SaveLater, string FillFromMrz,
        string GetLink, string GetCode, string Resume, string ToDeclaration, string Submit);

    // MrzShows: the control whose value must be the zone's (document number, or the parent's surname);
    // KeepFromMrz: the answers left as the zone filled them; SaveAt: the step where the applicant saves.
    private sealed record Journey(
        FormDefinition Form, Dictionary<string, string> Answers, Ui Ui, int MrzVector, string MrzShows,
        IReadOnlyCollection<string> KeepFromMrz, string SaveAt);
}
