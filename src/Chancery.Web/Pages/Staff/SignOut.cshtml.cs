using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff;

// Signing out changes state, so only a POST (with its antiforgery token) does it; a GET only offers the button.
internal sealed class SignOutModel(SignInManager<StaffUser> signIn, Texts texts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData[Notice.Success] = texts["staff.signout.done"];
        return RedirectToPage("/Staff/SignIn");
    }
}
