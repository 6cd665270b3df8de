using System.Net;
using AngleSharp.Dom;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chancery.Web.Tests.Layout;

public sealed class LayoutTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private HttpClient Client() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task Home_NoLanguageHint_IsFrench()
    {
        var (response, page) = await Fetch.GetAsync(Client(), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Services consulaires", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("gratuite", page.QuerySelector(".fr-callout__title")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_LangQueryEn_IsEnglishAndRemembersTheChoice()
    {
        var (response, page) = await Fetch.GetAsync(Client(), "/?lang=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Consular services", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("free of charge", page.QuerySelector(".fr-callout__title")?.TextContent, StringComparison.Ordinal);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lang=", StringComparison.Ordinal));
        Assert.StartsWith("lang=en;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Home_LangCookieEn_IsEnglish()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/", r => r.Headers.Add("Cookie", "lang=en"));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Consular services", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Home_AcceptLanguageEnglish_IsEnglish()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/", r => r.Headers.Add("Accept-Language", "en-GB,en;q=0.9"));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Home_AcceptLanguageUnsupported_IsFrench()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/", r => r.Headers.Add("Accept-Language", "de-DE,de;q=0.9"));

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Home_QueryAndCookieDisagree_QueryWins()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/?lang=fr", r =>
        {
            r.Headers.Add("Cookie", "lang=en");
            r.Headers.Add("Accept-Language", "en");
        });

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Home_UnsupportedLangQuery_IgnoredAndNotRemembered()
    {
        var (response, page) = await Fetch.GetAsync(Client(), "/?lang=xx");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("lang=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LanguageSelector_Links_ReloadTheCurrentPageInEachLanguage()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/?lang=en&x=1");

        var links = page.QuerySelectorAll(".fr-translate a.fr-translate__language");
        Assert.Equal(["fr", "en"], links.Select(a => a.GetAttribute("hreflang")));
        Assert.Equal(["fr", "en"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal(["/?x=1&lang=fr", "/?x=1&lang=en"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("true", links[1].GetAttribute("aria-current"));
        Assert.Null(links[0].GetAttribute("aria-current"));
        Assert.Empty(page.QuerySelectorAll(".fr-translate script"));
    }

    [Fact]
    public async Task Home_Markup_HasNoInlineScriptOrStyle()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/");

        var scripts = page.QuerySelectorAll("script");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "every script is a file (CSP script-src 'self')");
            Assert.True(string.IsNullOrWhiteSpace(s.TextContent));
        });
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?lang=en")]
    [InlineData("/StatusCode/404")]
    public async Task Page_Structure_HasLandmarksOneH1AndWorkingSkipLinks(string url)
    {
        var (_, page) = await Fetch.GetAsync(Client(), url);

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Single(page.QuerySelectorAll("header[role=banner]"));
        Assert.Single(page.QuerySelectorAll("main[role=main]#content"));
        Assert.Single(page.QuerySelectorAll("footer[role=contentinfo]#footer"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        foreach (var link in page.QuerySelectorAll(".fr-skiplinks a"))
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        // The brand block stays in French on English pages, and says so.
        Assert.All(page.QuerySelectorAll(".fr-logo"), logo => Assert.Equal("fr", logo.GetAttribute("lang")));
        var ids = page.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Home_Public_HasNoStaffNavigationOrSignOut()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/");

        Assert.Null(page.QuerySelector("#header-navigation"));
        Assert.Null(page.QuerySelector("form[action='/staff/signout']"));
    }

    [Fact]
    public async Task Home_Tracking_LinksToSuivi()
    {
        var (_, page) = await Fetch.GetAsync(Client(), "/");

        Assert.NotNull(page.QuerySelector("main a[href='/suivi']"));
    }

    [Fact]
    public async Task Assets_DsfrAndAltcha_AreServed()
    {
        var client = Client();
        var (_, page) = await Fetch.GetAsync(client, "/");
        var urls = page.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .Concat(["/lib/dsfr/fonts/Marianne-Regular.woff2", "/lib/dsfr/icons/system/fr--error-fill.svg", "/lib/altcha/altcha.min.js", "/lib/altcha/workers/sha.js"]);

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }
}
