using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Cases;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Web.Tests.Applications;

// The staff side of an online application: the answers and documents on the case page, and a correction
// asked by staff and made by the applicant through the e-mailed link.
public abstract partial class CorrectionTests(ApplicationPagesFixture fixture)
{
    private ChanceryApp App => fixture.App;

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task CasePage_OnlineApplication_ShowsEveryAnswerByItsText()
    {
        var (post, caseId, _) = await SubmitAsync("Lindqvist");
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(App, clerk.UserName!);

        var (response, page) = await session.GetAsync($"/staff/cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = page.QuerySelector("#application")!;
        Assert.Equal("Lindqvist", section.QuerySelector("[data-field=surname] dd")!.TextContent.Trim());
        // A choice by its text, a country by its name, not their codes alone.
        Assert.DoesNotContain("tourism", section.QuerySelector("[data-field=purpose] dd")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(FRA)", section.QuerySelector("[data-field=mainDestination] dd")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#ask-correction"));
    }

    [Fact]
    public async Task Correction_AskedByStaff_LetsTheApplicantFixOnlyTheNamedAnswers()
    {
        var (post, caseId, email) = await SubmitAsync("Holmqvist");
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        using var staff = await StaffSession.SignInAsync(App, clerk.UserName!);
        await staff.GetAsync($"/staff/cases/{caseId}/correction");

        var asked = await staff.PostAsync($"/staff/cases/{caseId}/correction",
        [
            new("Input.Fields", "surname"), new("Input.Fields", "arrivalDate"), new("Input.Fields", "departureDate"),
            new("Input.Message", "Your surname is spelt Holmkvist in your passport, and the hotel booking starts a week later."),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var mail = await MailToAsync(email, "/demande/correction/");
        Assert.Contains("Holmkvist in your passport", mail.TextBody ?? "", StringComparison.Ordinal);
        var link = new Uri(CorrectionLink().Match(mail.TextBody ?? "").Value).PathAndQuery;

        using var applicant = StaffSession.Anonymous(App);
        var (opened, form) = await applicant.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var inputs = form.QuerySelectorAll("#correction-form [name]").Select(e => e.GetAttribute("name")).Where(n => n != "__RequestVerificationToken").ToHashSet();
        Assert.Equal(new HashSet<string?> { "surname", "arrivalDate", "departureDate" }, inputs);

        // Still checked as at submission: a departure before the arrival is refused next to the field.
        var wrong = await applicant.PostFormAsync(link, new Dictionary<string, string>
        {
            ["surname"] = "Holmkvist", ["arrivalDate"] = Day(Today.AddDays(37)), ["departureDate"] = Day(Today.AddDays(30)),
        }, "#correction-form");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await Html.ParseAsync(wrong);
        Assert.NotNull(Html.FieldError(wrongPage, "departureDate"));
        Assert.Equal("Holmqvist", await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Applicant.Surname).SingleAsync()));

        var right = await applicant.PostFormAsync(link, new Dictionary<string, string>
        {
            ["surname"] = "Holmkvist", ["arrivalDate"] = Day(Today.AddDays(37)), ["departureDate"] = Day(Today.AddDays(51)),
        }, "#correction-form");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.NotNull((await Html.ParseAsync(right)).QuerySelector("#correction-done"));

        var (visa, answers, screenings) = await App.WithDbAsync(async db =>
        (
            await db.Cases.OfType<VisaCase>().AsNoTracking().Include(c => c.Applicant).SingleAsync(c => c.Id == caseId),
            (await db.SubmittedApplications.AsNoTracking().SingleAsync(a => a.CaseId == caseId)).Answers,
            await db.ScreeningResults.CountAsync(r => r.CaseId == caseId)));
        Assert.Equal("Holmkvist", visa.Applicant.Surname);
        Assert.Equal(Today.AddDays(37), visa.RequestedFrom);
        Assert.Equal(Today.AddDays(51), visa.RequestedUntil);
        Assert.Equal("Holmkvist", answers["surname"]);
        Assert.Equal("Storgatan 1\n753 20 Uppsala", answers["homeAddress"]);
        // A new name is screened again at once.
        Assert.Equal(2, screenings);

        // The link is single use.
        var (again, _) = await applicant.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Correction_NamingASecondParent_AddsThemToTheCase()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var answers = SampleApplications.BirthReport(post.Code, Today, "Dubreuil");
        answers["email"] = $"dubreuil.{Guid.NewGuid():N}@example.org";
        var body = new JsonObject { ["form"] = "birth-report", ["language"] = "fr", ["answers"] = new JsonObject() };
        foreach (var (name, value) in answers)
            body["answers"]![name] = value;
        var caseId = (await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/applications", body), HttpStatusCode.Created))["caseId"]!.GetValue<Guid>();
        string[] fields = ["secondParent", "parent2Surname", "parent2GivenNames", "parent2Sex", "parent2BirthDate", "parent2PlaceOfBirth", "parent2Nationality"];
        var token = await App.WithServicesAsync(async sp =>
        {
            var actor = new Actor("clerk-test", "Clerk", new HashSet<Role> { Role.Clerk }, new HashSet<int> { post.Id }, null);
            var requested = await sp.GetRequiredService<CorrectApplication>().RequestAsync(caseId, fields, "Name the second parent.", actor, CancellationToken.None);
            return requested.Value.Token;
        });
        using var applicant = StaffSession.Anonymous(App);

        var response = await applicant.PostFormAsync($"/demande/correction/{token}", new Dictionary<string, string>
        {
            ["secondParent"] = "yes", ["parent2Surname"] = "Okonkwo", ["parent2GivenNames"] = "Ada", ["parent2Sex"] = "F",
            ["parent2BirthDate"] = "1988", ["parent2PlaceOfBirth"] = "Lagos", ["parent2Nationality"] = "NGA",
        }, "#correction-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("#correction-done"));
        var second = await App.WithDbAsync(db => db.Cases.OfType<BirthReportCase>().Where(c => c.Id == caseId).Select(c => c.SecondParent).SingleAsync());
        Assert.NotNull(second);
        Assert.Equal("Okonkwo", second.Surname);
        Assert.Equal("1988", second.BirthDate);
    }

    [Fact]
    public async Task Correction_OfADecidedCase_IsNotOffered()
    {
        var (post, caseId, _) = await SubmitAsync("Bergqvist");
        var clerk = await App.CreateStaffAsync([Role.Clerk], post);
        var adjudicator = await App.CreateStaffAsync([Role.Adjudicator], post);
        var approve = await App.WithServicesAsync(async sp =>
        {
            var actor = new Actor(adjudicator.Id, "Adjudicator", new HashSet<Role> { Role.Adjudicator }, new HashSet<int> { post.Id }, null);
            return await sp.GetRequiredService<PerformCaseAction>().ExecuteAsync(caseId, new CaseCommand(CaseAction.Approve, "Complete file", true), actor, CancellationToken.None);
        });
        Assert.True(approve.IsSuccess);
        using var asClerk = await StaffSession.SignInAsync(App, clerk.UserName!);

        var (casePage, page) = await asClerk.GetAsync($"/staff/cases/{caseId}");
        var (correction, _) = await asClerk.GetAsync($"/staff/cases/{caseId}/correction");

        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
        Assert.Null(page.QuerySelector("#ask-correction"));
        Assert.NotEqual(HttpStatusCode.OK, correction.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.CorrectionRequests.CountAsync(r => r.CaseId == caseId)));
    }

    [Fact]
    public async Task Correction_WithoutAnyFieldTicked_IsRefusedOnTheForm()
    {
        var (post, caseId, _) = await SubmitAsync("Sandqvist");
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        using var staff = await StaffSession.SignInAsync(App, clerk.UserName!);

        var response = await staff.PostFormAsync($"/staff/cases/{caseId}/correction", new Dictionary<string, string> { ["Input.Message"] = "Please check." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(response)));
        Assert.Equal(0, await App.WithDbAsync(db => db.CorrectionRequests.CountAsync(r => r.CaseId == caseId)));
    }

    [Fact]
    public async Task StaffOfAnotherPost_SeeNeitherTheCorrectionPageNorTheDocuments()
    {
        var (_, caseId, _) = await SubmitAsync("Nordqvist");
        var documentId = await AttachPhotoAsync(caseId);
        var outsider = await App.CreateStaffAsync(Role.Clerk, await App.CreatePostAsync());
        using var session = await StaffSession.SignInAsync(App, outsider.UserName!);

        var (correction, _) = await session.GetAsync($"/staff/cases/{caseId}/correction");
        var document = await session.Client.GetAsync(new Uri($"/staff/cases/{caseId}/documents/{documentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, correction.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
    }

    [Fact]
    public async Task Document_IsServedAsADownloadWithTheTypeFoundInItsBytes()
    {
        var (post, caseId, _) = await SubmitAsync("Almqvist");
        var documentId = await AttachPhotoAsync(caseId);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        using var session = await StaffSession.SignInAsync(App, clerk.UserName!);

        var response = await session.Client.GetAsync(new Uri($"/staff/cases/{caseId}/documents/{documentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(TestPng.Create(600, 800), await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(Core.Posts.Post Post, Guid CaseId, string Email)> SubmitAsync(string surname)
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var answers = SampleApplications.ShortStayVisa(post.Code, Today, surname);
        answers["email"] = $"{surname.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var body = new JsonObject { ["form"] = "short-stay-visa", ["language"] = "en", ["answers"] = new JsonObject() };
        foreach (var (name, value) in answers)
            body["answers"]![name] = value;
        var created = await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/applications", body), HttpStatusCode.Created);
        return (post, created["caseId"]!.GetValue<Guid>(), answers["email"]);
    }

    private Task<Guid> AttachPhotoAsync(Guid caseId) => App.WithServicesAsync(async sp =>
    {
        var png = TestPng.Create(600, 800);
        var inspected = UploadInspector.Inspect(png, UploadSlot.Photo);
        Assert.True(inspected.IsSuccess);
        var stored = await sp.GetRequiredService<UploadStore>().SaveAsync(png, inspected.Value.Extension, CancellationToken.None);
        var db = sp.GetRequiredService<Core.Data.ChanceryDb>();
        var document = new ApplicationDocument
        {
            CaseId = caseId, Slot = UploadSlot.Photo, ContentType = inspected.Value.ContentType, Length = png.Length,
            Width = inspected.Value.Width, Height = inspected.Value.Height, StoredName = stored,
            Sha256 = Secrets.Hash(stored), UploadedAt = App.Clock.GetUtcNow().UtcDateTime,
        };
        db.ApplicationDocuments.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    });

    private async Task<MimeMessage> MailToAsync(string to, string containing)
    {
        var received = await fixture.Smtp.WaitForMessageAsync(m => m.To.Contains(to) && (Parse(m).TextBody ?? "").Contains(containing, StringComparison.Ordinal));
        return Parse(received);
    }

    private static MimeMessage Parse(Chancery.TestCommon.Smtp.ReceivedMail mail)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Raw));
        return MimeMessage.Load(stream);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"https?://\S+/demande/correction/[A-Za-z0-9_\-]+")]
    private static partial Regex CorrectionLink();
}

public sealed class CorrectionTestsSqlite(ApplicationPagesSqliteFixture fixture) : CorrectionTests(fixture), IClassFixture<ApplicationPagesSqliteFixture>;

public sealed class CorrectionTestsPostgres(ApplicationPagesPostgresFixture fixture) : CorrectionTests(fixture), IClassFixture<ApplicationPagesPostgresFixture>;
