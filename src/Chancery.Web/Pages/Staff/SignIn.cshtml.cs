using System.ComponentModel.DataAnnotations;
using Chancery.Core.Staff;
using Chancery.Web.Infrastructure;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff;

// Password sign-in for agents, the first of two steps. Failures count towards the lockout (five in a row lock
// the account for a while); the message never says whether the user name exists, nor that an account is disabled.
// An enrolled account goes on to its second step; one without a second factor goes to enrol one.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class SignInModel(StaffSignInManager signIn, Texts texts) : PageModel
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

        var result = await signIn.PasswordStepAsync(Input.UserName.Trim(), Input.Password);
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Staff/SignInCode", new { ReturnUrl = next });
        if (result.Succeeded)
            return LocalRedirect(ChanceryHost.StaffEnrolmentPath);

        var message = result.IsLockedOut ? texts["staff.signin.lockedOut"] : texts["staff.signin.failed"];
        ModelState.AddModelError(string.Empty, message);
        Input.Password = "";
        return Page();
    }

    /// <summary>The JSON of the passkey assertion the browser made (wwwroot/js/passkey.js).</summary>
    [BindProperty]
    public string? Credential { get; set; }

    // The passkey's options name no account: the browser offers the passkeys it holds for this site.
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        var (result, user) = await signIn.PasskeyStepAsync(Credential ?? "", expected: null);
        if (result.Succeeded && user is not null)
        {
            await signIn.SignInWithPasskeyAsync(user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff/cases");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? texts["staff.signin.lockedOut"]
            : result.IsNotAllowed ? texts["staff.signin.notAllowed"] : texts["staff.passkeys.signInFailed"]);
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
