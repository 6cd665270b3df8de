using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages;

// Where UseExceptionHandler("/Error") sends an unhandled exception: a plain apology and a reference that
// support can find in the logs. Nothing of the exception itself reaches the page.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Reference { get; private set; } = "";

    public bool FromStaffPages { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var path = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        FromStaffPages = path.StartsWith("/staff", StringComparison.OrdinalIgnoreCase);
        if (HttpContext.Response.StatusCode < StatusCodes.Status400BadRequest)
            HttpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
