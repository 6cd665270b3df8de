using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chancery.Core.Cases;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Applications;

public abstract class ApplicationsApiTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    public static TheoryData<string> Forms => ["short-stay-visa", "long-stay-visa", "passport", "birth-report"];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Submit_CompleteApplication_EntersTheCaseWithEveryAnswer(string form)
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var answers = Answers(form, post.Code);

        var response = await client.PostAsJsonAsync("/api/v1/applications", Body(form, answers));

        var created = await ApiJourney.Expect(response, HttpStatusCode.Created);
        var number = created["applicationNumber"]!.GetValue<string>();
        Assert.StartsWith(post.Code + "-", number, StringComparison.Ordinal);
        var caseId = created["caseId"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/cases/{caseId}", response.Headers.Location!.OriginalString);
        // Entered and screened at once, as any case.
        Assert.Equal("ChecksCleared", created["state"]!.GetValue<string>());

        var stored = await ApiJourney.Expect(await client.GetAsync(new Uri($"/api/v1/applications/{caseId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(number, stored["applicationNumber"]!.GetValue<string>());
        var storedAnswers = stored["answers"]!.AsObject();
        foreach (var (name, value) in answers)
            Assert.Equal(value, storedAnswers[name]!.GetValue<string>());

        var register = await App.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Applicant).SingleAsync(c => c.Id == caseId));
        Assert.Equal(number, register.Reference);
        Assert.Equal(form == "birth-report" ? answers["childSurname"] : answers["surname"], register.Applicant.Surname);
        if (register is VisaCase visa)
        {
            Assert.Equal(answers["documentNumber"], visa.TravelDocumentNumber);
            Assert.Equal(answers["arrivalDate"], visa.RequestedFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(form == "long-stay-visa" ? VisaCategory.D : VisaCategory.C, visa.Category);
        }
        if (register is BirthReportCase birth)
            Assert.Equal("FRA", birth.Applicant.Nationality);
    }

    [Fact]
    public async Task Submit_TwiceWithTheSameIdempotencyKey_CreatesOneCase()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var body = Body("short-stay-visa", Answers("short-stay-visa", post.Code));

        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "centre-4711-application-1");
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        second.Headers.Add("Idempotency-Key", "centre-4711-application-1");
        var one = await ApiJourney.Expect(await client.SendAsync(first), HttpStatusCode.Created);
        var againResponse = await client.SendAsync(second);
        var again = await ApiJourney.Expect(againResponse, HttpStatusCode.Created);

        Assert.Equal(one["caseId"]!.GetValue<Guid>(), again["caseId"]!.GetValue<Guid>());
        Assert.Equal("true", againResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyWithAnotherApplication_IsAConflict()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var key = "centre-4711-application-2";
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(Body("passport", Answers("passport", post.Code))) };
        first.Headers.Add("Idempotency-Key", key);
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(Body("passport", Answers("passport", post.Code, ("surname", "Other")))) };
        second.Headers.Add("Idempotency-Key", key);

        await ApiJourney.Expect(await client.SendAsync(first), HttpStatusCode.Created);
        var response = await client.SendAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.PostId == post.Id)));
    }

    // Every rule of the form, over HTTP: the field at fault, its code, and no case.
    public static TheoryData<string, string, string?, string, string> BadAnswers
    {
        get
        {
            var data = new TheoryData<string, string, string?, string, string>
            {
                { "short-stay-visa", "surname", null, "surname", "required" },
                { "short-stay-visa", "surname", "12345", "surname", "name.invalid" },
                { "short-stay-visa", "surname", new string('a', 101), "surname", "tooLong" },
                { "short-stay-visa", "givenNames", "Anna\u0007", "givenNames", "text.invalid" },
                { "short-stay-visa", "birthDate", "1974-02-30", "birthDate", "date.invalid" },
                { "short-stay-visa", "birthDate", "+365", "birthDate", "date.future" },
                { "short-stay-visa", "countryOfBirth", "XYZ", "countryOfBirth", "country.unknown" },
                { "short-stay-visa", "nationality", "ZZZ", "nationality", "country.unknown" },
                { "short-stay-visa", "sex", "Q", "sex", "choice.invalid" },
                { "short-stay-visa", "category", "D", "category", "choice.invalid" },
                { "short-stay-visa", "documentNumber", "L898-902", "documentNumber", "document.number" },
                { "short-stay-visa", "documentIssueDate", "+10", "documentIssueDate", "date.future" },
                { "short-stay-visa", "documentExpiryDate", "-10", "documentExpiryDate", "date.past" },
                { "short-stay-visa", "documentIssueDate", "-4000", "documentIssueDate", "document.tooOld" },
                { "short-stay-visa", "documentExpiryDate", "+60", "documentExpiryDate", "document.expiresTooSoon" },
                { "short-stay-visa", "email", "anna@", "email", "email.invalid" },
                { "short-stay-visa", "phone", "call me", "phone", "phone.invalid" },
                { "short-stay-visa", "mainDestination", "GBR", "mainDestination", "schengen.unknown" },
                { "short-stay-visa", "arrivalDate", "-1", "arrivalDate", "date.past" },
                { "short-stay-visa", "departureDate", "+20", "departureDate", "dates.departureBeforeArrival" },
                { "short-stay-visa", "departureDate", "+200", "departureDate", "dates.tooLong" },
                { "short-stay-visa", "residesElsewhere", "yes", "residencePermitNumber", "required" },
                { "short-stay-visa", "fingerprintsBefore", "maybe", "fingerprintsBefore", "choice.invalid" },
                { "short-stay-visa", "postCode", "ZZZZ", "postCode", "post.unknown" },
                { "short-stay-visa", "favouriteColour", "blue", "favouriteColour", "unknown" },
                { "long-stay-visa", "departureDate", "+800", "departureDate", "dates.tooLongD" },
                { "long-stay-visa", "studyInstitution", null, "studyInstitution", "required" },
                { "passport", "previousPassportNumber", null, "previousPassportNumber", "required" },
                { "passport", "passportFormat", "Scroll", "passportFormat", "choice.invalid" },
                { "birth-report", "parent1BirthDate", "1985-13", "parent1BirthDate", "partialDate.invalid" },
                { "birth-report", "parent1BirthDate", "+0", "parent1BirthDate", "parent.bornAfterChild" },
                { "birth-report", "secondParent", "yes", "parent2Surname", "required" },
                { "birth-report", "parentsMarried", "yes", "marriageDate", "required" },
            };
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Submit_WithABadAnswer_Is400NamingTheFieldAndCreatesNothing(string form, string field, string? value, string faultyField, string code)
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var answers = Answers(form, post.Code, (field, Resolve(value)));

        var response = await client.PostAsJsonAsync("/api/v1/applications", Body(form, answers));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Equal("application.invalid", problem["code"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey(faultyField), problem.ToJsonString());
        Assert.Contains(code, problem["codes"]![faultyField]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task Submit_MinorWithoutParentalAuthority_IsRefused_AndWithItIsEntered()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var minor = Answers("short-stay-visa", post.Code, ("birthDate", Day(Today.AddYears(-10))));

        var refused = await client.PostAsJsonAsync("/api/v1/applications", Body("short-stay-visa", minor));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ApiJourney.ProblemAsync(refused);
        Assert.Contains("required", problem["codes"]!["guardianName"]!.AsArray().Select(c => c!.GetValue<string>()));

        minor["guardianName"] = "Lars Eriksson";
        minor["guardianAddress"] = "Storgatan 1, Uppsala";
        minor["guardianNationality"] = "SWE";
        await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/applications", Body("short-stay-visa", minor)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Submit_AnswersOfAStepThatDoesNotApply_AreDropped()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var adult = Answers("short-stay-visa", post.Code, ("guardianName", "Nobody"));

        var created = await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/applications", Body("short-stay-visa", adult)), HttpStatusCode.Created);

        var stored = await ApiJourney.Expect(await client.GetAsync(new Uri($"/api/v1/applications/{created["caseId"]}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.False(stored["answers"]!.AsObject().ContainsKey("guardianName"));
    }

    [Fact]
    public async Task Submit_UnknownForm_Is400()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);

        var response = await client.PostAsJsonAsync("/api/v1/applications", Body("residence-permit", Answers("passport", post.Code)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiJourney.ProblemAsync(response))["errors"]!.AsObject().ContainsKey("form"));
    }

    [Fact]
    public async Task Submit_MalformedJson_Is400NotA500()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);

        var response = await client.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), new StringContent("{\"form\": \"passport\", \"answers\": [1, 2]}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WithoutTheClerkRole_IsForbidden()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Auditor, post);

        var response = await client.PostAsJsonAsync("/api/v1/applications", Body("passport", Answers("passport", post.Code)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.PostId == post.Id)));
    }

    [Fact]
    public async Task Read_ApplicationOfAnotherPost_Is404()
    {
        var post = await App.CreatePostAsync();
        var other = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);
        var outsider = await App.ApiClientAsync(Role.Clerk, other);
        var created = await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/applications", Body("passport", Answers("passport", post.Code))), HttpStatusCode.Created);

        var response = await outsider.GetAsync(new Uri($"/api/v1/applications/{created["caseId"]}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Forms_ListsTheFourFormsWithTheirQuestions()
    {
        var post = await App.CreatePostAsync();
        var client = await App.ApiClientAsync(Role.Clerk, post);

        var forms = (await client.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/applications/forms", UriKind.Relative)))!;

        Assert.Equal(["short-stay-visa", "long-stay-visa", "passport", "birth-report"], forms.Select(f => f!["form"]!.GetValue<string>()));
        var fields = forms[0]!["steps"]!.AsArray().SelectMany(s => s!["fields"]!.AsArray()).Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("surnameAtBirth", fields);
        Assert.Contains("firstEntry", fields);
    }

    private Dictionary<string, string> Answers(string form, string postCode, params (string Field, string? Value)[] changes)
    {
        var answers = form switch
        {
            "short-stay-visa" => SampleApplications.ShortStayVisa(postCode, Today),
            "long-stay-visa" => SampleApplications.LongStayVisa(postCode, Today),
            "passport" => SampleApplications.Passport(postCode, Today),
            _ => SampleApplications.BirthReport(postCode, Today),
        };
        foreach (var (field, value) in changes)
        {
            if (value is null)
                answers.Remove(field);
            else
                answers[field] = value;
        }
        return answers;
    }

    // "+30" and "-10" are days from the test's today (for dates), "+0" today.
    private string? Resolve(string? value) =>
        value is ['+' or '-', .. var rest] && int.TryParse(rest, CultureInfo.InvariantCulture, out var days)
            ? Day(Today.AddDays(value[0] == '+' ? days : -days))
            : value;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Body(string form, Dictionary<string, string> answers)
    {
        var body = new JsonObject { ["form"] = form, ["language"] = "en", ["answers"] = new JsonObject() };
        foreach (var (name, value) in answers)
            body["answers"]![name] = value;
        return body;
    }
}

public sealed class ApplicationsApiTestsSqlite(SqliteAppFixture fixture) : ApplicationsApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class ApplicationsApiTestsPostgres(PostgresAppFixture fixture) : ApplicationsApiTests(fixture), IClassFixture<PostgresAppFixture>;
