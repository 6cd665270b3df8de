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
