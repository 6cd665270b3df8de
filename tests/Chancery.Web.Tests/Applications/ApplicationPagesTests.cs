using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Cases;
using Chancery.TestCommon;
using Chancery.TestCommon.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chancery.Web.Tests.Applications;

// The public application pages over HTTP, as an applicant without scripts would use them.
public abstract partial class ApplicationPagesTests(ApplicationPagesFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;
    private readonly SmtpSink smtp = fixture.Smtp;

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ShortStayVisa_WholeJourney_EntersTheCaseAndMailsTheReceipt()
    {
        var post = await app.CreatePostAsync();
        var answers = SampleApplications.ShortStayVisa(post.Code, Today);
        answers["email"] = UniqueEmail();
        using var applicant = StaffSession.Anonymous(app);

        var url = await StartAsync(applicant, "short-stay-visa");
        Assert.Equal("/demande/etape/post", url);
        url = await WalkAsync(applicant, url, answers, until: "travel-document");

        // The zone of the Doc 9303 specimen fills the document fields, then the applicant corrects what is wrong.
        var zone = string.Join("\n", MrzLines(0));
        var filled = await Html.ParseAsync(await applicant.PostFormAsync(url, new Dictionary<string, string> { ["mrz"] = zone, ["action"] = "mrz" }, "#mrz-form"));
        Assert.NotNull(filled.GetElementById("mrz-filled"));
        Assert.Equal("L898902C3", (filled.GetElementById("documentNumber") as IHtmlInputElement)?.Value);
        Assert.Equal("ordinary", (filled.QuerySelector("input[name=documentType]:checked") as IHtmlInputElement)?.Value);
        Assert.DoesNotContain(zone.Split('\n')[1], filled.Body!.InnerHtml, StringComparison.Ordinal);

        url = await WalkAsync(applicant, url, answers);
        Assert.Equal("/demande/documents", url);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(applicant, UploadSlot.Photo, TestPng.Create(600, 800), "photo.png", "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(applicant, UploadSlot.TravelDocumentPage, TestPng.Create(900, 640), "passeport.png", "image/png")).StatusCode);
        var (_, documents) = await applicant.GetAsync("/demande/documents");
        Assert.NotNull(documents.GetElementById("uploaded-Photo"));
        Assert.Contains("600 × 800", documents.GetElementById("uploaded-Photo")!.TextContent, StringComparison.Ordinal);
        var next = await applicant.PostFormAsync("/demande/documents", new Dictionary<string, string>(), "#step-form");
        Assert.Equal("/demande/verifier", next.Headers.Location?.OriginalString);

        var (checkResponse, check) = await applicant.GetAsync("/demande/verifier");
        Assert.Equal(HttpStatusCode.OK, checkResponse.StatusCode);
        Assert.Null(check.GetElementById("check-problems"));
        Assert.Contains("Suède", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(check.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/demande/etape/dates?retour=verifier");

        var sent = await applicant.PostFormAsync("/demande/declaration", new Dictionary<string, string> { ["declaration"] = "true", ["consent"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal("/demande/recu", sent.Headers.Location?.OriginalString);

        var (receiptResponse, receipt) = await applicant.GetAsync("/demande/recu");
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        var number = receipt.GetElementById("application-number")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(number));
        Assert.NotNull(receipt.QuerySelector(".chancery-qr svg"));
        Assert.DoesNotContain("Eriksson", receipt.Body!.TextContent, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(async db =>
        {
            var entered = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == number);
            var application = await db.SubmittedApplications.AsNoTracking().SingleAsync(a => a.CaseId == entered.Id);
            var files = await db.ApplicationDocuments.AsNoTracking().Where(d => d.CaseId == entered.Id).ToListAsync();
            var drafts = (await db.ApplicationDrafts.AsNoTracking().ToListAsync()).Count(d => d.AnswersJson.Contains(answers["email"], StringComparison.Ordinal));
            return (entered.State, application, files, drafts);
        });
        Assert.Contains(stored.State, new[] { CaseState.ChecksPending, CaseState.ChecksCleared, CaseState.Hit });
        Assert.Equal("Eriksson", stored.application.Answers["surname"]);
        Assert.Equal(answers["departureDate"], stored.application.Answers["departureDate"]);
        Assert.Equal([UploadSlot.Photo, UploadSlot.TravelDocumentPage], stored.files.Select(f => f.Slot).Order());
        Assert.All(stored.files, f => Assert.Null(f.DraftId));
        Assert.Equal(0, stored.drafts);

        using var mail = await MailToAsync(answers["email"], number!);
        Assert.Contains(number!, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(number!, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_MissingRequiredAnswer_RerendersWithTheMessageAndKeepsTheOtherAnswers()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");

        var response = await applicant.PostFormAsync("/demande/etape/name", new Dictionary<string, string> { ["surname"] = "", ["givenNames"] = "Anna Maria" }, "#step-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(Html.FieldError(page, "surname"));
        Assert.NotNull(page.GetElementById("error-summary"));
        Assert.Equal("Anna Maria", (page.GetElementById("givenNames") as IHtmlInputElement)?.Value);
        var (_, again) = await applicant.GetAsync("/demande/etape/name");
        Assert.Equal("Anna Maria", (again.GetElementById("givenNames") as IHtmlInputElement)?.Value);
    }

    [Fact]
    public async Task Dates_DepartureBeforeArrival_AreRefused()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");

        var response = await applicant.PostFormAsync("/demande/etape/dates", new Dictionary<string, string>
        {
            ["arrivalDate"] = Day(Today.AddDays(30)),
            ["departureDate"] = Day(Today.AddDays(20)),
        }, "#step-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Html.FieldError(await Html.ParseAsync(response), "departureDate"));
    }

    [Fact]
    public async Task TravelDocument_ExpiryBeforeIssue_IsRefused()
    {
        var post = await app.CreatePostAsync();
        var answers = SampleApplications.ShortStayVisa(post.Code, Today);
        // Issued and expiring the same day: each date alone is acceptable, together they are not.
        answers["documentIssueDate"] = Day(Today);
        answers["documentExpiryDate"] = Day(Today);
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");

        var response = await PostStepAsync(applicant, "/demande/etape/travel-document", "travel-document", answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotEmpty(Html.ErrorMessages(page));
        Assert.True(Html.FieldError(page, "documentExpiryDate") is not null);
    }

    [Fact]
    public async Task Minor_GetsTheParentalAuthorityStep_AndCannotSubmitWithoutIt()
    {
        var post = await app.CreatePostAsync();
        var answers = SampleApplications.ShortStayVisa(post.Code, Today, surname: "Lindqvist");
        answers["birthDate"] = Day(Today.AddYears(-10));
        using var applicant = StaffSession.Anonymous(app);
        var url = await StartAsync(applicant, "short-stay-visa");

        url = await WalkAsync(applicant, url, answers, until: "parental-authority");
        Assert.Equal("/demande/etape/parental-authority", url);
        url = await WalkAsync(applicant, "/demande/etape/national-id", answers);
        Assert.Equal("/demande/documents", url);

        var (_, check) = await applicant.GetAsync("/demande/verifier");
        Assert.Contains(check.QuerySelectorAll("#check-problems a"), a => a.GetAttribute("href")!.StartsWith("/demande/etape/parental-authority", StringComparison.Ordinal));
        var (declarationResponse, _) = await applicant.GetAsync("/demande/declaration");
        Assert.Equal(HttpStatusCode.OK, declarationResponse.StatusCode);
        var refused = await applicant.PostAsync("/demande/declaration", new Dictionary<string, string> { ["declaration"] = "true", ["consent"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var back = refused.Headers.Location!.OriginalString;
        Assert.StartsWith("/demande/etape/parental-authority", back, StringComparison.Ordinal);
        var (_, step) = await applicant.GetAsync(back);
        Assert.NotNull(Html.FieldError(step, "guardianName"));
        var applicants = await app.WithDbAsync(db => db.Cases.Select(c => c.Applicant).ToListAsync());
        Assert.DoesNotContain(applicants, p => p.Surname == "Lindqvist");
    }

    [Fact]
    public async Task Mrz_NotAZone_ShowsAnErrorOnTheMrzField()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");

        var response = await applicant.PostFormAsync("/demande/etape/travel-document", new Dictionary<string, string> { ["mrz"] = "Bonjour, je suis un passeport", ["action"] = "mrz" }, "#mrz-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(Html.FieldError(page, "mrz"));
        Assert.Null(page.GetElementById("mrz-filled"));
    }

    [Fact]
    public async Task Mrz_WrongCheckDigit_WarnsNextToTheFieldAndStillFillsIt()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");

        var response = await applicant.PostFormAsync("/demande/etape/travel-document", new Dictionary<string, string> { ["mrz"] = string.Join(" ", MrzLines(49)), ["action"] = "mrz" }, "#mrz-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("L898902C3", (page.GetElementById("documentNumber") as IHtmlInputElement)?.Value);
        Assert.NotNull(page.GetElementById("documentNumber-messages")?.QuerySelector(".fr-message--warning"));
        var (_, name) = await applicant.GetAsync("/demande/etape/name");
        Assert.Equal("ERIKSSON", (name.GetElementById("surname") as IHtmlInputElement)?.Value);
    }

    [Fact]
    public async Task Upload_HtmlNamedAsAJpegPhoto_IsRefusedAndNothingIsStored()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");
        var before = await app.WithDbAsync(db => db.ApplicationDocuments.CountAsync());

        var response = await UploadAsync(applicant, UploadSlot.Photo, "<html><script>alert(1)</script></html>"u8.ToArray(), "photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(Html.FieldError(page, "file-Photo"));
        Assert.Equal(before, await app.WithDbAsync(db => db.ApplicationDocuments.CountAsync()));
        var next = await applicant.PostFormAsync("/demande/documents", new Dictionary<string, string>(), "#step-form");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var applicant = StaffSession.Anonymous(app);
        await applicant.GetAsync("/demande");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form"] = "short-stay-visa" });
        var response = await applicant.Client.PostAsync(new Uri("/demande", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SaveAndResume_LinkThenCode_RestoreTheDraftInAnotherBrowserOnce()
    {
        var email = UniqueEmail();
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "passport");
        var named = await applicant.PostFormAsync("/demande/etape/name", new Dictionary<string, string> { ["surname"] = "Moreau", ["givenNames"] = "Claire" }, "#step-form");
        Assert.Equal("/demande/etape/birth", named.Headers.Location?.OriginalString);
        var later = await applicant.PostFormAsync("/demande/etape/birth", new Dictionary<string, string> { ["placeOfBirth"] = "Brest", ["action"] = "later" }, "#step-form");
        Assert.Equal("/demande/sauvegarder", later.Headers.Location?.OriginalString);

        var saved = await Html.ParseAsync(await applicant.PostFormAsync("/demande/sauvegarder", new Dictionary<string, string> { ["email"] = email }));
        Assert.NotNull(saved.GetElementById("save-sent"));
        using var linkMail = await MailToAsync(email, "/demande/reprendre/");
        Assert.DoesNotContain("Moreau", linkMail.TextBody, StringComparison.Ordinal);
        var link = new Uri(ResumeLink().Match(linkMail.TextBody ?? "").Value).PathAndQuery;

        using var elsewhere = StaffSession.Anonymous(app);
        var (opened, _) = await elsewhere.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.PostFormAsync(link, new Dictionary<string, string>(), "#send-form")).StatusCode);
        using var codeMail = await MailToAsync(email, "15 minutes");
        var code = SixDigits().Match(codeMail.TextBody ?? "").Value;
        Assert.DoesNotContain(code, codeMail.Subject, StringComparison.Ordinal);

        var wrongCode = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var wrong = await elsewhere.PostFormAsync(link, new Dictionary<string, string> { ["code"] = wrongCode }, "#code-form");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull(Html.FieldError(await Html.ParseAsync(wrong), "code"));

        var right = await elsewhere.PostFormAsync(link, new Dictionary<string, string> { ["code"] = code }, "#code-form");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        // The first step with a required answer missing: the post was never chosen.
        Assert.Equal("/demande/etape/post", right.Headers.Location?.OriginalString);
        var (_, birth) = await elsewhere.GetAsync("/demande/etape/birth");
        Assert.Equal("Brest", (birth.GetElementById("placeOfBirth") as IHtmlInputElement)?.Value);
        var (_, name) = await elsewhere.GetAsync("/demande/etape/name");
        Assert.Equal("Moreau", (name.GetElementById("surname") as IHtmlInputElement)?.Value);

        var replayed = await elsewhere.PostAsync(link + "?handler=code", new Dictionary<string, string> { ["code"] = code });
        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        using var third = StaffSession.Anonymous(app);
        var (reopened, gone) = await third.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, reopened.StatusCode);
        Assert.NotNull(gone.GetElementById("resume-invalid"));
    }

    [Fact]
    public async Task Draft_After30Days_IsErasedAndTheExpiredPageShows()
    {
        var surname = "Expire" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6));
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");
        await applicant.PostFormAsync("/demande/etape/name", new Dictionary<string, string> { ["surname"] = surname }, "#step-form");
        Assert.Equal(1, (await app.WithDbAsync(db => db.ApplicationDrafts.AsNoTracking().ToListAsync())).Count(d => d.AnswersJson.Contains(surname, StringComparison.Ordinal)));

        app.Clock.Advance(TimeSpan.FromDays(31));
        var (response, _) = await applicant.GetAsync("/demande/etape/birth");

        Assert.Equal("/demande/expiree", response.Headers.Location?.OriginalString);
        var (expired, page) = await applicant.GetAsync("/demande/expiree");
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("30 jours", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, (await app.WithDbAsync(db => db.ApplicationDrafts.AsNoTracking().ToListAsync())).Count(d => d.AnswersJson.Contains(surname, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Start_InEnglish_OffersTheFourFormsInEnglish()
    {
        using var applicant = StaffSession.Anonymous(app);

        var (response, page) = await applicant.GetAsync("/demande?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Apply online", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(4, page.QuerySelectorAll("input[type=radio][name=form]").Length);
    }

    [Fact]
    public async Task Step_WithoutADraft_SendsToTheStartPage()
    {
        using var stranger = StaffSession.Anonymous(app);

        var (response, _) = await stranger.GetAsync("/demande/etape/name");

        Assert.Equal("/demande", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Step_NotInTheForm_IsNotFound()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "passport");

        var (response, _) = await applicant.GetAsync("/demande/etape/visa-type");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Step_ChangedFromTheCheckPage_GoesBackToTheCheckPage()
    {
        using var applicant = StaffSession.Anonymous(app);
        await StartAsync(applicant, "short-stay-visa");

        var response = await applicant.PostFormAsync("/demande/etape/sex?retour=verifier", new Dictionary<string, string> { ["sex"] = "F" }, "#step-form");

        Assert.Equal("/demande/verifier", response.Headers.Location?.OriginalString);
        var (_, check) = await applicant.GetAsync("/demande/verifier");
        Assert.Contains(check.QuerySelectorAll("#check-problems a"), a => a.GetAttribute("href")!.StartsWith("/demande/etape/post", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+/demande/reprendre/[A-Za-z0-9_\-]+")]
    private static partial Regex ResumeLink();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string UniqueEmail() => $"applicant.{Guid.NewGuid():N}@example.org";

    private static string[] MrzLines(int index)
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("mrz-vectors.json")));
        return [.. vectors.RootElement[index].GetProperty("lines").EnumerateArray().Select(l => l.GetString()!)];
    }

    // Chooses the form on /demande and returns where the start sent the applicant.
    private static async Task<string> StartAsync(StaffSession applicant, string slug)
    {
        var response = await applicant.PostFormAsync("/demande", new Dictionary<string, string> { ["form"] = slug });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static Task<HttpResponseMessage> PostStepAsync(StaffSession applicant, string url, string key, Dictionary<string, string> answers)
    {
        var step = ApplicationForms.ShortStayVisa.Step(key) ?? ApplicationForms.Passport.Step(key)!;
        var fields = step.Fields.ToDictionary(f => f.Name, f => answers.GetValueOrDefault(f.Name) ?? "");
        return applicant.PostFormAsync(url, fields, "#step-form");
    }

    // Answers each step with the sample answers and follows the redirects, until the documents page,
    // the check page or the step named by until.
    private static async Task<string> WalkAsync(StaffSession applicant, string url, Dictionary<string, string> answers, string? until = null)
    {
        for (var i = 0; i < 40 && url.StartsWith("/demande/etape/", StringComparison.Ordinal); i++)
        {
            var key = url["/demande/etape/".Length..].Split('?')[0];
            if (key == until)
                return url;
            var response = await PostStepAsync(applicant, url, key, answers);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var page = await Html.ParseAsync(response);
                Assert.Fail($"Step {key} answered {(int)response.StatusCode}: {string.Join(" | ", Html.ErrorMessages(page))}");
            }
            url = response.Headers.Location!.OriginalString;
        }
        return url;
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffSession applicant, UploadSlot slot, byte[] bytes, string fileName, string contentType)
    {
        var (_, page) = await applicant.GetAsync("/demande/documents");
        var token = page.QuerySelector($"#upload-{slot} input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No upload form for {slot}.");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent(slot.ToString()), "slot");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        return await applicant.Client.PostAsync(new Uri("/demande/documents/upload", UriKind.Relative), content);
    }

    private async Task<MimeMessage> MailToAsync(string to, string containing)
    {
        var received = await smtp.WaitForMessageAsync(m => m.To.Contains(to) && Body(m).Contains(containing, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        return Parse(received);
    }

    private static string Body(ReceivedMail mail)
    {
        using var message = Parse(mail);
        return message.Subject + "\n" + message.TextBody;
    }

    private static MimeMessage Parse(ReceivedMail mail)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Raw));
        return MimeMessage.Load(stream);
    }
}

public sealed class ApplicationPagesTestsSqlite(ApplicationPagesSqliteFixture fixture) : ApplicationPagesTests(fixture), IClassFixture<ApplicationPagesSqliteFixture>;

public sealed class ApplicationPagesTestsPostgres(ApplicationPagesPostgresFixture fixture) : ApplicationPagesTests(fixture), IClassFixture<ApplicationPagesPostgresFixture>;
