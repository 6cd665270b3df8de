using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Applications;

// The receipt's print stylesheet, served beside the page (the content security policy takes styles
// from the site only, never inline): on paper, only the receipt itself.
[ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Any)]
internal sealed class ReceiptPrintStylesModel : PageModel
{
    private const string Css = """
        .fr-header, .fr-footer, .fr-skiplinks, nav, .chancery-no-print, .fr-consent-banner { display: none !important; }
        main .fr-container { margin: 0 !important; max-width: none !important; }
        #application-number { font-size: 2.5rem; font-weight: 700; letter-spacing: 0.1em; }
        .chancery-qr svg { width: 5cm; height: 5cm; }
        """;

    public IActionResult OnGet() => Content(Css, "text/css; charset=utf-8");
}
