using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// What the appointment pages use against bots and touts: the client's address, the rate-limiter policy
/// names, and the one answer to every refusal (429 with Retry-After; a page in the person's language, or
/// problem details for JSON).
/// </summary>
internal static class AbuseControl
{
    /// <summary>Per client address, on every page of the /Appointments folder (applied by convention).</summary>
    public const string PagesPolicy = "appointments";

    /// <summary>Per client address, on <c>GET /rendez-vous/defi/{action}</c>.</summary>
    public const string ChallengePolicy = "altcha-challenge";

    /// <summary>
    /// The client's address as the server saw it, or as X-Forwarded-For said when the peer is a configured
    /// proxy (the forwarded-headers middleware has run by then). IPv4 seen through IPv6 is written as IPv4.
    /// </summary>
    public static string? ClientAddress(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
            return null;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>The answer of a page model that refuses a request for now: 429, Retry-After, and a page saying when to come back.</summary>
    public static IActionResult TooManyRequests(PageModel page, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new TooManyRequestsResult(retryAfter);
    }

    /// <summary>The same refusal as problem details, for JSON endpoints.</summary>
    public static IResult TooManyRequestsProblem(HttpContext http, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = Seconds(retryAfter);
        SetHeaders(http, seconds);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Try again in {seconds.ToString(CultureInfo.InvariantCulture)} seconds.");
    }

    internal static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    internal static void SetHeaders(HttpContext http, int seconds)
    {
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
    }

    internal static bool WantsJson(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.StartsWithSegments("/rendez-vous/defi", StringComparison.OrdinalIgnoreCase)
        || http.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    internal static bool TryParseProxy(string entry, out IPNetwork network)
    {
        entry = entry.Trim();
        if (entry.Contains('/', StringComparison.Ordinal))
            return IPNetwork.TryParse(entry, out network);
        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        network = default;
        return false;
    }
}
