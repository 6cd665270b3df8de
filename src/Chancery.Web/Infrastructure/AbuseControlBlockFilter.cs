using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Infrastructure;

/// <summary>Refuses a blocked address on the appointment pages with 429 and Retry-After (until the block ends), before any handler runs.</summary>
/// <remarks>
/// It opens the request's database connection for the rest of the request: the block check, the handler's reads and
/// its transaction then share one connection, so the row-level-security settings are written once
/// (<see cref="PostScopeInterceptor"/> runs on every open) instead of once per query. The context closes it at the end.
/// </remarks>
internal sealed class AddressBlockFilter(AbuseGuard guard, ChanceryDb db, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        await db.Database.OpenConnectionAsync(http.RequestAborted);
        if (await guard.BlockOnAsync(AbuseControl.ClientAddress(http), http.RequestAborted) is { } block)
        {
            context.Result = new TooManyRequestsResult(block.Until - clock.GetUtcNow().UtcDateTime);
            return;
        }

        await next();
    }
}
