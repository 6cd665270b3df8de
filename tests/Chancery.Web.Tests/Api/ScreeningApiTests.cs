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
