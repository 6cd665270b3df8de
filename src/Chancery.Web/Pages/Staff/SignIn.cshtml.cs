using System.ComponentModel.DataAnnotations;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff;

// Password sign-in for agents. Failures count towards the lockout (five in a row lock the account
// for a while); the message never says whether the user name exists.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class SignInModel(SignInManager<StaffUser> signIn, Texts texts) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff/cases");

        var message = result.IsLockedOut ? texts["staff.signin.lockedOut"]
            : result.RequiresTwoFactor ? texts["staff.signin.twoFactor"]
            : result.IsNotAllowed ? texts["staff.signin.notAllowed"]
            : texts["staff.signin.failed"];
        ModelState.AddModelError(string.Empty, message);
        Input.Password = "";
        return Page();
    }

    public sealed class SignInInput
    {
        [Required, StringLength(256), Display(Name = "staff.signin.userName")]
        public string UserName { get; set; } = "";

        [Required, StringLength(256), DataType(DataType.Password), Display(Name = "staff.signin.password")]
        public string Password { get; set; } = "";
    }
}
