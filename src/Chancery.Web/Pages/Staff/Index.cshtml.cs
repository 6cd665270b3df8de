using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff;

// The back office starts at the list of cases.
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Staff/Cases/Index");
}
