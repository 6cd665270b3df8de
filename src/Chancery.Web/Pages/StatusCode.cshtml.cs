using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages;

// Where UseStatusCodePagesWithReExecute("/StatusCode/{0}") sends an empty 4xx/5xx response: a page that says
// what happened (404, 403, 429...) in the person's language. The status code itself is left as it was.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    private static readonly int[] Described = [400, 401, 403, 404, 405, 409, 410, 413, 429, 500, 503];

    // The Texts key prefix: status.404.title, status.404.text; status.other.* for the rest.
    public string TextKey { get; private set; } = "status.other";

    public int Code { get; private set; }

    public bool FromStaffPages { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        TextKey = Described.Contains(code) ? $"status.{code}" : "status.other";
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        FromStaffPages = reExecute?.OriginalPath.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) == true;
        // Asked for directly (/StatusCode/404), the page answers with the code it describes.
        if (reExecute is null && code is >= 400 and <= 599)
            HttpContext.Response.StatusCode = code;
    }
}
