using System.Net;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Web.Tests.Layout;

public sealed class StatusPageTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private HttpClient Client() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData("", "fr", "Page non trouvée")]
    [InlineData("?lang=en", "en", "Page not found")]
    public async Task UnknownPath_Get_Returns404PageInTheLanguage(string query, string lang, string title)
    {
        var (response, page) = await Fetch.GetAsync(Client(), "/no/such/page" + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task UnknownPath_LanguageLinks_PointAtTheAddressAskedFor()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/no/such/page?lang=en");

        Assert.Equal(["/no/such/page?lang=fr", "/no/such/page?lang=en"],
            page.QuerySelectorAll(".fr-translate a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(403, "fr", "Accès refusé")]
    [InlineData(403, "en", "Access denied")]
    [InlineData(404, "en", "Page not found")]
    [InlineData(429, "fr", "Trop de demandes")]
    [InlineData(500, "en", "Service error")]
    [InlineData(418, "fr", "Demande non aboutie")]
    public async Task StatusCodePage_Direct_DescribesTheCodeAndAnswersWithIt(int code, string lang, string title)
    {
        var (response, page) = await Fetch.GetAsync(Client(), $"/StatusCode/{code}?lang={lang}");

        Assert.Equal((HttpStatusCode)code, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("fr", "Une erreur est survenue")]
    [InlineData("en", "Something went wrong")]
    public async Task ErrorPage_Get_ApologisesWithAReferenceAndNoDetails(string lang, string title)
    {
        var (response, page) = await Fetch.GetAsync(Client(), $"/Error?lang={lang}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main code")?.TextContent));
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
