using System.Security.Claims;
using System.Text.Encodings.Web;
using Chancery.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Security;

/// <summary>Partner systems authenticate with <c>Authorization: Bearer chk_…</c> (or <c>X-Api-Key</c>).</summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ClientClaim = "chancery:api-client";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = null;
        var auth = Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            presented = auth["Bearer ".Length..].Trim();
        else if (Request.Headers.TryGetValue("X-Api-Key", out var header))
            presented = header.ToString().Trim();
        if (string.IsNullOrEmpty(presented))
            return AuthenticateResult.NoResult();

        var client = await keys.FindAsync(presented, Context.RequestAborted);
        if (client is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [new Claim(ClientClaim, client.Id.ToString()), new Claim(ClaimTypes.Name, client.Name)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
