using Chancery.Web.Security;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Security;

/// <summary>Every route the running app answers: each Razor page handler and each endpoint with its methods.</summary>
internal static class AppRoutes
{
    public sealed record Route(string Method, string Pattern, string? Handler, bool IsPage)
    {
        public override string ToString() => $"{Method} /{AccessMatrix.Normalize(Pattern)}{(Handler is null ? "" : "?handler=" + Handler)}";
    }

    public static async Task<IReadOnlyList<Route>> AllAsync(ChanceryApp app)
    {
        var routes = new List<Route>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.AddRange(compiled.HandlerMethods.Select(h => new Route(h.HttpMethod.ToUpperInvariant(), pattern, h.Name, IsPage: true)));
                // A page without handler methods is still rendered on GET.
                if (compiled.HandlerMethods.Count == 0)
                    routes.Add(new Route("GET", pattern, null, IsPage: true));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [AccessMatrix.AnyMethod];
            routes.AddRange(methods.Select(m => new Route(m, pattern, null, IsPage: false)));
        }

        return routes;
    }
}
