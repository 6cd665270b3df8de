using System.ComponentModel.DataAnnotations;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff;

// The second step of a sign-in: a code from the authenticator app, or one of the recovery codes (each works
// once). Only reachable after the password step, whose half-open cookie names the account. Wrong codes count
// towards the same lockout as wrong passwords.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class SignInCodeModel(StaffSignInManager signIn, Texts texts) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Staff/SignIn");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Staff/SignIn");
        if (!ModelState.IsValid)
            return Page();

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff/cases");

        ModelState.AddModelError("Input.Code", result.IsLockedOut ? texts["staff.signin.lockedOut"] : texts["staff.signin.code.wrong"]);
        Input.Code = "";
        return Page();
    }

    public sealed class CodeInput
    {
        [Required, StringLength(32), Display(Name = "staff.signin.code.label")]
        public string Code { get; set; } = "";
    }
}
