using Chancery.Core.Appointments;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Chancery.Web.Infrastructure;

/// <summary>Refuses a blocked address on the appointment pages with 429 and Retry-After (until the block ends), before any handler runs.</summary>
internal sealed class AddressBlockFilter(AbuseGuard guard, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (await guard.BlockOnAsync(AbuseControl.ClientAddress(http), http.RequestAborted) is { } block)
        {
            context.Result = new TooManyRequestsResult(block.Until - clock.GetUtcNow().UtcDateTime);
            return;
        }

        await next();
    }
}
