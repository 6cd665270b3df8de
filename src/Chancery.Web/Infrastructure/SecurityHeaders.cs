using Microsoft.AspNetCore.CookiePolicy;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// The headers every answer carries, and the rules every cookie follows (HttpOnly, SameSite, Secure over HTTPS),
/// whoever writes it: the staff sign-in, antiforgery, TempData, the language choice, an applicant's draft.
/// </summary>
internal static class SecurityHeaders
{
    // No inline script or style anywhere: pages load /js and /css files only.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    // Two years with the sub-domains, the value browsers' preload lists ask for.
    private const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";

    public static IServiceCollection AddChanceryCookieRules(this IServiceCollection services) =>
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Only over HTTPS (RFC 6797 §7.2), and not in development, where it would pin localhost to HTTPS in the
        // developer's browser. UseHsts would also skip localhost, which is what the tests and a reverse proxy's
        // health checks use, so the header is set here for every HTTPS answer.
        if (context.Request.IsHttps && !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
            headers.StrictTransportSecurity = StrictTransportSecurity;
        return next(context);
    }
}
