using Xunit;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chancery.Core.Posts;
using Chancery.Core.Staff;

namespace Chancery.TestCommon;

/// <summary>
/// A post with one API client per role, and short ways to enter cases and take steps through
/// the API, so that a test reads as the story it checks.
/// </summary>
public sealed class ApiJourney
{
    private ApiJourney(ChanceryApp app, Post post, Dictionary<Role, HttpClient> clients)
    {
        App = app;
        Post = post;
        Clients = clients;
    }

    public ChanceryApp App { get; }

    public Post Post { get; }

    public IReadOnlyDictionary<Role, HttpClient> Clients { get; }

    public HttpClient Clerk => Clients[Role.Clerk];

    public HttpClient Security => Clients[Role.SecurityOfficer];

    public HttpClient Adjudicator => Clients[Role.Adjudicator];

    public HttpClient Printer => Clients[Role.PrintOperator];

    public HttpClient Consul => Clients[Role.Consul];

    public static async Task<ApiJourney> StartAsync(ChanceryApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var post = await app.CreatePostAsync();
        var clients = new Dictionary<Role, HttpClient>();
        foreach (var role in new[] { Role.Clerk, Role.SecurityOfficer, Role.Adjudicator, Role.PrintOperator, Role.Consul, Role.Auditor })
            clients[role] = await app.ApiClientAsync(role, post);
        return new ApiJourney(app, post, clients);
    }

    /// <summary>Today on the application's clock, which tests move forward.</summary>
    public DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    public JsonObject VisaBody(string surname = "Eriksson", string birthDate = "1974-08-12") => new()
    {
        ["postCode"] = Post.Code,
        ["kind"] = "Visa",
        ["applicant"] = new JsonObject
        {
            ["surname"] = surname,
            ["givenNames"] = "Anna Maria",
            ["birthDate"] = birthDate,
            ["sex"] = "F",
            ["nationality"] = "SWE",
            ["email"] = "anna@example.invalid",
        },
        ["visa"] = new JsonObject
        {
            ["category"] = "C",
            ["purpose"] = "Tourism",
            ["entries"] = "Single",
            ["requestedFrom"] = Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["requestedUntil"] = Today.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["travelDocumentNumber"] = "XK4820193",
            ["travelDocumentState"] = "SWE",
        },
    };

    public JsonObject PassportBody(string surname = "Lefèvre", string format = "Booklet") => new()
    {
        ["postCode"] = Post.Code,
        ["kind"] = "Passport",
        ["passportFormat"] = format,
        ["applicant"] = new JsonObject
        {
            ["surname"] = surname,
            ["givenNames"] = "Émilie Anne",
            ["birthDate"] = "1988-03-14",
            ["sex"] = "F",
            ["nationality"] = "FRA",
            ["placeOfBirth"] = "Lyon",
        },
    };

    /// <summary>Enters a case and returns its id; fails the test on anything but 201.</summary>
    public async Task<Guid> EnterAsync(JsonObject? body = null, HttpClient? client = null)
    {
        var response = await (client ?? Clerk).PostAsJsonAsync("/api/v1/cases", body ?? VisaBody());
        var json = await Expect(response, HttpStatusCode.Created);
        return json["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid caseId, string action, string? reason = null, bool? passed = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = new JsonObject();
        if (reason is not null)
            body["reason"] = reason;
        if (passed is not null)
            body["passed"] = passed;
        return client.PostAsJsonAsync($"/api/v1/cases/{caseId}/actions/{action}", body);
    }

    /// <summary>Enters a case (screened clear at entry) and has it approved: ready to print.</summary>
    public async Task<Guid> ApprovedCaseAsync(JsonObject? body = null)
    {
        var id = await EnterAsync(body);
        await Expect(await ActAsync(Adjudicator, id, "approve"), HttpStatusCode.OK);
        return id;
    }

    public async Task<JsonObject> GetCaseAsync(Guid id, HttpClient? client = null) =>
        await Expect(await (client ?? Clerk).GetAsync($"/api/v1/cases/{id}"), HttpStatusCode.OK);

    public static async Task<JsonObject> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
            throw new InvalidOperationException($"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(), documentOptions: new JsonDocumentOptions())!.AsObject();
    }
}
