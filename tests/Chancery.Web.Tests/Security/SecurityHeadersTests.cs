using System.Net;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Tests.Security;

public abstract class SecurityHeadersTests(AppFixture fixture)
{
    private readonly ChanceryApp app = fixture.App;

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost/rendez-vous")]
    [InlineData("http://localhost/page-qui-n-existe-pas")]
    [InlineData("http://staff.test/staff/signin")]
    [InlineData("http://localhost/api/v1/cases")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url));

        var csp = Header(response, "Content-Security-Policy");
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        // Over plain HTTP the header means nothing and browsers ignore it (RFC 6797 §8.1).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https://localhost/")]
    [InlineData("https://staff.test/staff/signin")]
    public async Task OverHttps_TheAnswerSaysHttpsOnly(string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url));

        var hsts = Header(response, "Strict-Transport-Security");
        Assert.Contains("max-age=63072000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://staff.test/staff/signin")]
    [InlineData("https://localhost/demande")]
    [InlineData("https://localhost/?lang=en")]
    public async Task OverHttps_EveryCookie_IsSecureHttpOnlyAndSameSite(string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await client.GetAsync(new Uri(url));

        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"{url} set no cookie");
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure"), cookie);
            Assert.True(attributes.Contains("httponly"), cookie);
            Assert.True(attributes.Any(a => a is "samesite=strict" or "samesite=lax"), cookie);
        }
    }

    [Fact]
    public void StaffSessionCookie_IsHttpOnlyStrictAndSecureOverHttps()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, options.Cookie.SameSite);
        Assert.NotEqual(CookieSecurePolicy.None, options.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task OverHttp_TheLanguageCookie_IsStillHttpOnlyAndSameSite()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await client.GetAsync(new Uri("http://localhost/?lang=en"));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered without {name}");
}

public sealed class SecurityHeadersTestsSqlite(SqliteAppFixture fixture) : SecurityHeadersTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class SecurityHeadersTestsPostgres(PostgresAppFixture fixture) : SecurityHeadersTests(fixture), IClassFixture<PostgresAppFixture>;
