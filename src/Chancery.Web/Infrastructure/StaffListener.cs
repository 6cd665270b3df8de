using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// The back office has its own listener: <c>Chancery:StaffUrls</c> (e.g. <c>http://localhost:5081</c>), added to
/// the server's public addresses. Staff pages and the staff API answer only on its ports; on any other port they
/// are 404, as if they did not exist, so the public address can be exposed to the internet and the staff one
/// kept on the ministry's network. The payment provider's webhook is the one API address that stays public.
/// Without <c>StaffUrls</c> the back office answers nowhere.
/// </summary>
internal sealed class StaffListener
{
    public const string Setting = "Chancery:StaffUrls";
    public const string PublicWebhook = "/api/v1/payments/notifications";

    private StaffListener(IReadOnlyList<string> urls, IReadOnlySet<int> ports)
    {
        Urls = urls;
        Ports = ports;
    }

    public IReadOnlyList<string> Urls { get; }

    /// <summary>The local ports a request must arrive on to reach the back office.</summary>
    public IReadOnlySet<int> Ports { get; }

    public static StaffListener From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = (configuration[Setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            // Kestrel's wildcard hosts (http://*:5081, http://+:5081) are not URIs; only the port matters here.
            var parsable = url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0)
                throw new InvalidOperationException($"{Setting}: '{url}' is not an address with a port, e.g. http://localhost:5081.");
            ports.Add(uri.Port);
        }

        return new StaffListener(urls, ports);
    }

    /// <summary>Adds the staff addresses to the ones the server listens on.</summary>
    public static void AddTo(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var listener = From(builder.Configuration);
        builder.Services.AddSingleton(listener);
        if (listener.Urls.Count == 0)
            return;
        var publicUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        var all = string.IsNullOrWhiteSpace(publicUrls) ? listener.Urls : [.. publicUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. listener.Urls];
        builder.WebHost.UseUrls([.. all.Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments(PublicWebhook, StringComparison.OrdinalIgnoreCase));

    public bool Admits(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !IsStaffPath(context.Request.Path) || Ports.Contains(context.Connection.LocalPort);
    }

    /// <summary>Answers 404 for the back office on a public port; says at start-up where each side listens.</summary>
    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var listener = app.Services.GetRequiredService<StaffListener>();
        app.Use((context, next) =>
        {
            if (listener.Admits(context))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var isStaff = (string a) => Uri.TryCreate(a.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal), UriKind.Absolute, out var u) && listener.Ports.Contains(u.Port);
            var publicAddresses = string.Join(", ", addresses.Where(a => !isStaff(a)));
            if (listener.Ports.Count == 0)
            {
                app.Logger.LogWarning("Public site on {PublicAddresses}. Chancery:StaffUrls is not set: the staff back office and the staff API answer nowhere (404).", publicAddresses);
                return;
            }

            app.Logger.LogInformation("Public site on {PublicAddresses}; staff back office and API on {StaffAddresses}.", publicAddresses, string.Join(", ", listener.Urls));
        });
    }
}
