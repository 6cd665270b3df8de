using System.Net;
using System.Net.Http.Json;
using Chancery.Core.Staff;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Api;

public sealed class ScreeningApiTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Compare_TransliteratedName_MatchesWithReasons()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.SecurityOfficer, post);

        var json = await ApiJourney.Expect(
            await client.PostAsJsonAsync("/api/v1/screening/compare", new { name1 = "Ivan Petrov", name2 = "Иван Петров" }), HttpStatusCode.OK);

        Assert.True(json["match"]!.GetValue<bool>());
        Assert.NotEmpty(json["reasons"]!.AsArray());
        Assert.Equal(0.85, json["threshold"]!.GetValue<double>());
    }

    [Fact]
    public async Task Search_ListedPersonByTransliterationAndScript_ExplainsTheHit()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.SecurityOfficer, post);
        var list = await fixture.App.ListAsync(new ListedPerson("KUZNETSOV", "Yevgeny Aleksandrovich", "1968-02-11", "RUS", "Евгений Кузнецов"));

        var json = await ApiJourney.Expect(
            await client.PostAsJsonAsync("/api/v1/screening/search", new { name = "Evgeni Kouznetsov", birthDate = "1968-02-11", nationality = "RUS" }), HttpStatusCode.OK);

        var hit = Assert.Single(json["hits"]!.AsArray())!;
        Assert.Equal(list, hit["list"]!.GetValue<string>());
        Assert.Equal("T-1", hit["sourceId"]!.GetValue<string>());
        Assert.InRange(hit["score"]!.GetValue<double>(), 0.85, 1.0);
        var reasons = hit["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(reasons, r => r.Contains("birth", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(list, json["lists"]!.GetValue<string>(), StringComparison.Ordinal);

        var script = await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/screening/search", new { name = "Кузнецов Евгений" }), HttpStatusCode.OK);
        Assert.Equal("T-1", script["hits"]![0]!["sourceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_BirthDateFarFromTheListedOne_LowersTheScore()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.SecurityOfficer, post);
        await fixture.App.ListAsync(new ListedPerson("OYELARAN", "Babatunde Olumide", "1972", "NGA"));

        async Task<double> ScoreAsync(string born)
        {
            var json = await ApiJourney.Expect(await client.PostAsJsonAsync("/api/v1/screening/search", new { name = "Babatunde Oyelaran", birthDate = born }), HttpStatusCode.OK);
            return json["hits"]!.AsArray().Select(h => h!["score"]!.GetValue<double>()).DefaultIfEmpty(0).Max();
        }

        Assert.True(await ScoreAsync("1972-05-01") > await ScoreAsync("1995-05-01"));
    }

    [Theory]
    [InlineData("{\"name\": \"\"}", "name")]
    [InlineData("{\"name\": \"Ivan Petrov\", \"birthDate\": \"1970-02-30\"}", "birthDate")]
    [InlineData("{\"name\": \"Ivan Petrov\", \"nationality\": \"QQQ\"}", "nationality")]
    [InlineData("{\"name\": \"Ivan Petrov\", \"maxHits\": 0}", "maxHits")]
    public async Task Search_BadInput_Is400NamingTheField(string body, string field)
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.SecurityOfficer, post);

        var response = await client.PostAsync("/api/v1/screening/search", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_WithoutTheSecurityOfficerRole_IsForbidden()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.Clerk, post);

        var response = await client.PostAsJsonAsync("/api/v1/screening/search", new { name = "Ivan Petrov" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DocumentRegister_StolenDocument_StopsTheNextScreeningOfACaseThatCarriesIt()
    {
        var j = await ApiJourney.StartAsync(fixture.App);
        var number = "SW" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = j.VisaBody("Lindgren");
        body["visa"]!["travelDocumentNumber"] = number;
        var id = await j.EnterAsync(body);
        Assert.Equal("ChecksCleared", (await j.GetCaseAsync(id))["state"]!.GetValue<string>());

        var registered = await ApiJourney.Expect(await j.Security.PostAsJsonAsync("/api/v1/document-register", new
        {
            documentNumber = number[..2] + " " + number[2..], issuingState = "SWE", status = "Stolen", source = "Swedish police via Interpol", reason = "Reported stolen in Malmö",
        }), HttpStatusCode.Created);
        Assert.Equal(number, registered["documentNumber"]!.GetValue<string>());

        var rescreened = await ApiJourney.Expect(await ApiJourney.ActAsync(j.Security, id, "record-checks"), HttpStatusCode.OK);
        Assert.Equal("Hit", rescreened["state"]!.GetValue<string>());
        var match = rescreened["screenings"]!.AsArray()[^1]!["matches"]![0]!;
        Assert.Equal("DocumentRegister", match["source"]!.GetValue<string>());
        Assert.Contains("Interpol", match["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var again = await j.Security.PostAsJsonAsync("/api/v1/document-register", new { documentNumber = number, issuingState = "SWE", status = "Lost", source = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("{\"documentNumber\": \"AB12345\", \"issuingState\": \"QQQ\", \"status\": \"Lost\", \"source\": \"x\"}", "issuingState")]
    [InlineData("{\"documentNumber\": \"--\", \"issuingState\": \"FRA\", \"status\": \"Lost\", \"source\": \"x\"}", "documentNumber")]
    [InlineData("{\"documentNumber\": \"AB12345\", \"issuingState\": \"FRA\", \"status\": \"Invalidated\", \"source\": \"x\"}", "status")]
    [InlineData("{\"documentNumber\": \"AB12345\", \"issuingState\": \"FRA\", \"status\": \"Burnt\", \"source\": \"x\"}", "status")]
    [InlineData("{\"documentNumber\": \"AB12345\", \"issuingState\": \"FRA\", \"source\": \"x\"}", "status")]
    public async Task DocumentRegister_BadReport_Is400NamingTheField(string body, string field)
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.SecurityOfficer, post);

        var response = await client.PostAsync("/api/v1/document-register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        var text = problem.ToJsonString();
        Assert.Contains(field, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DocumentRegister_ByAClerk_IsForbidden()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.Clerk, post);

        var response = await client.PostAsJsonAsync("/api/v1/document-register", new { documentNumber = "AB12345", issuingState = "FRA", status = "Lost", source = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Compare_WithoutTheSecurityOfficerRole_IsForbidden()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.Clerk, post);

        var response = await client.PostAsJsonAsync("/api/v1/screening/compare", new { name1 = "A", name2 = "B" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Compare_MissingName_Is400NamingTheField()
    {
        var post = await fixture.App.CreatePostAsync();
        var client = await fixture.App.ApiClientAsync(Role.SecurityOfficer, post);

        var response = await client.PostAsJsonAsync("/api/v1/screening/compare", new { name1 = "Ivan Petrov", name2 = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJourney.ProblemAsync(response);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains("Name2", StringComparison.OrdinalIgnoreCase));
    }
}
