using Chancery.Core.Data;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// States each request's <see cref="DataScope"/> before its endpoint runs (after authorisation, so an API
/// client is known): the back office and the partner API see the posts of the signed-in agent or API client,
/// and nothing without one; the public pages and anonymous endpoints (the applicant's own flows, the payment
/// provider's webhook) see every post, their own checks (tokens, codes, signatures) deciding what they show.
/// </summary>
internal static class RequestDataScope
{
    public static async Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var scope = context.RequestServices.GetRequiredService<DataScope>();
        if (ActsForStaff(context))
        {
            var actor = await context.RequestServices.GetRequiredService<CurrentActor>().GetAsync(context.RequestAborted);
            scope.UsePosts(actor?.PostIds ?? new HashSet<int>());
        }
        else
        {
            scope.UseSystem();
        }

        await next(context);
    }

    private static bool ActsForStaff(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
            return true;
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }
}
