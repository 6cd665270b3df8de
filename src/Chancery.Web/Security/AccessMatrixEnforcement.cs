using Microsoft.AspNetCore.Authentication;
using Chancery.Core.Staff;
using Chancery.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Security;

/// <summary>
/// Applies the <see cref="AccessMatrix"/> to every routed request, after authentication and authorization:
/// a route the matrix does not list is refused and logged (deny by default), and a route whose roles the actor
/// does not hold answers 403: the staff refusal page for pages, problem details for the API.
/// </summary>
internal sealed partial class AccessMatrixEnforcement(RequestDelegate next, ILogger<AccessMatrixEnforcement> log)
{
    // The endpoint routing gives when a route exists but not for this method; it does nothing but answer 405.
    private const string MethodNotAllowed = "405 HTTP Method Not Supported";

    public async Task InvokeAsync(HttpContext context, CurrentActor current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(current);
        var endpoint = context.GetEndpoint();
        // No endpoint: static files were served before routing; anything else is the 404 at the end of the pipeline.
        if (endpoint is null || endpoint.DisplayName == MethodNotAllowed)
        {
            await next(context);
            return;
        }

        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        var handler = context.Request.RouteValues["handler"] as string ?? (string?)context.Request.Query["handler"];
        var rule = route is null ? null : AccessMatrix.Find(context.Request.Method, route, handler);
        if (rule is null)
        {
            LogUnlisted(log, context.Request.Method, route ?? endpoint.DisplayName ?? "?");
            await RefuseAsync(context, route);
            return;
        }

        if (rule.IsPublic)
        {
            await next(context);
            return;
        }

        var actor = await current.GetAsync(context.RequestAborted);
        if (!rule.Allows(actor))
        {
            LogRefused(log, context.Request.Method, rule.Route);
            await RefuseAsync(context, route);
            return;
        }

        // Administrators work only in a session opened or confirmed with a passkey; until then, the passkeys page.
        if (actor is not null && actor.Roles.Contains(Role.Administrator) && IsStaffSession(context.User)
            && !StaffSignInManager.UsedPasskey(context.User) && !PasskeyFree.Contains(AccessMatrix.Normalize(route!)))
        {
            var back = HttpMethods.IsGet(context.Request.Method) ? (context.Request.PathBase + context.Request.Path + context.Request.QueryString).ToString() : "/staff";
            context.Response.Redirect(ChanceryHost.StaffPasskeysPath + "?ReturnUrl=" + Uri.EscapeDataString(back));
            return;
        }

        await next(context);
    }

    // Where an administrator without a passkey in the session may still go: to add or use one, or to leave.
    private static readonly HashSet<string> PasskeyFree = new(StringComparer.OrdinalIgnoreCase)
    {
        AccessMatrix.Normalize(ChanceryHost.StaffPasskeysPath), "staff/signout", "staff/denied",
    };

    private static bool IsStaffSession(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    private static async Task RefuseAsync(HttpContext context, string? route)
    {
        var normalized = AccessMatrix.Normalize(route ?? "");
        if (normalized.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem("This API key or account is not allowed here.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden")
                .ExecuteAsync(context);
        }
        else if (normalized.StartsWith("staff", StringComparison.OrdinalIgnoreCase) && context.User.Identity?.IsAuthenticated == true)
        {
            await context.ForbidAsync(IdentityConstants.ApplicationScheme);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused {Method} {Route}: the route is not in the access matrix")]
    private static partial void LogUnlisted(ILogger logger, string method, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Route}: the actor's roles are not allowed there")]
    private static partial void LogRefused(ILogger logger, string method, string route);
}
