using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// 429 with Retry-After: the short page of Pages/Staff/Appointments/Blocks/_TooManyRequests.cshtml (a
/// partial with the public layout, so the rate limiter can render it outside any page), or problem details
/// when JSON is wanted.
/// </summary>
internal sealed class TooManyRequestsResult(TimeSpan retryAfter) : IActionResult
{
    public const string ViewPath = "/Pages/Staff/Appointments/Blocks/_TooManyRequests.cshtml";

    public TimeSpan RetryAfter { get; } = retryAfter;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (AbuseControl.WantsJson(http))
        {
            await AbuseControl.TooManyRequestsProblem(http, RetryAfter).ExecuteAsync(http);
            return;
        }

        var seconds = AbuseControl.Seconds(RetryAfter);
        AbuseControl.SetHeaders(http, seconds);
        var services = http.RequestServices;
        var view = new PartialViewResult
        {
            ViewName = ViewPath,
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<int>(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState) { Model = seconds },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
        };
        await view.ExecuteResultAsync(context);
    }
}
