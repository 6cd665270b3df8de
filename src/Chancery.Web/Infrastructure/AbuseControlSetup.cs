using System.Globalization;
using System.Threading.RateLimiting;
using Chancery.Core.Appointments;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Abuse control of the appointment pages: ALTCHA, X-Forwarded-For from configured proxies only
/// (<c>Chancery:Proxies</c>), per-address rate limits, per-e-mail and per-identity limits, and the refusal of
/// blocked addresses on every page of /Appointments and on the challenge endpoint.
/// </summary>
internal static class AbuseControlSetup
{
    public const string ProxiesKey = "Chancery:Proxies";

    public static IServiceCollection AddChanceryAbuseControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddChanceryAltcha(configuration);
        services.AddOptions<AbuseOptions>().BindConfiguration(AbuseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AbuseGuard>();
        services.AddSingleton<AppointmentLimits>();
        services.AddScoped<AddressBlockFilter>();

        var proxies = Proxies(configuration);
        // With no proxy configured the middleware is left out: empty known lists would make it trust every peer.
        if (proxies.Count > 0)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var network in proxies)
                    o.KnownIPNetworks.Add(network);
                // Entries are taken from the right while the peer is a known proxy; a chain of them is allowed.
                o.ForwardLimit = null;
            });
            services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
            o.AddPolicy(AbuseControl.PagesPolicy, http => PerAddress(http, l => l.PagesPerMinute));
            o.AddPolicy(AbuseControl.ChallengePolicy, http => PerAddress(http, l => l.ChallengesPerMinute));
        });
        // PostConfigure: AddRazorPages, called later, replaces the convention collection that Configure would fill.
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention("/Appointments", page =>
            {
                page.Filters.Add(new ServiceFilterAttribute(typeof(AddressBlockFilter)));
                page.EndpointMetadata.Add(new EnableRateLimitingAttribute(AbuseControl.PagesPolicy));
            }));
        return services;
    }

    /// <summary>After UseRouting (the limiter reads the endpoint's policy): the rate limiter and the challenge endpoint.</summary>
    public static WebApplication UseChanceryAbuseControl(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapAltchaChallenges();
        return app;
    }

    internal static IReadOnlyList<System.Net.IPNetwork> Proxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(ProxiesKey);
        // A list (Chancery:Proxies:0, :1...) or one comma-separated value (Chancery__Proxies="10.0.0.1,10.1.0.0/16").
        var entries = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            if (!AbuseControl.TryParseProxy(entry, out var network))
                throw new InvalidOperationException($"{ProxiesKey}: \"{entry}\" is neither an IP address nor a CIDR network.");
            networks.Add(network);
        }

        return networks;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<AbuseOptions.LimitOptions, int> permits)
    {
        var limits = http.RequestServices.GetRequiredService<IOptions<AbuseOptions>>().Value.Limits;
        var limit = permits(limits);
        return RateLimitPartition.GetFixedWindowLimiter(
            AbuseControl.ClientAddress(http) ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var http = context.HttpContext;
        var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        await new TooManyRequestsResult(retryAfter).ExecuteResultAsync(action);
    }

    // Before everything else, whatever order ChanceryHost.Configure uses, so every later middleware sees the client.
    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
