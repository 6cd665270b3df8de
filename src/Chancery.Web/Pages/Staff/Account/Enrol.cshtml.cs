using System.ComponentModel.DataAnnotations;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Chancery.Web.Pages.Staff.Account;

// Mandatory enrolment of the second factor. A session opened with the password alone can reach this page and
// nothing else (the staff policy wants the second factor; the cookie sends refusals here). The agent adds the key
// to an authenticator app (QR code, or typed in), proves it with a code, and receives ten recovery codes, shown
// this once. Only then is the session upgraded to one with the second factor.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class EnrolModel(UserManager<StaffUser> users, StaffSignInManager signIn, AuditTrail audit, Texts texts) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    public string Key { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    /// <summary>Set once, after a successful enrolment: the page then shows them instead of the form.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        // Once enrolled, the key is never shown again; a session older than the enrolment signs in again.
        if (await users.GetTwoFactorEnabledAsync(user))
            return StaffSignInManager.HasSecondFactor(User) ? LocalRedirect("/staff/compte") : RedirectToPage("/Staff/SignIn");
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        // An enrolled account changes its factor from its account page, after its password.
        if (await users.GetTwoFactorEnabledAsync(user))
            return LocalRedirect("/staff/compte");
        if (!ModelState.IsValid)
            return await ShowAsync(user);

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", texts["staff.account.enrol.wrongCode"]);
            Input.Code = "";
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.SignInWithSecondFactorAsync(user);
        await audit.OwnAccountAsync("page:/staff/compte/activation", user, ["AuthenticatorKey", "RecoveryCodes"], "second factor enrolled", HttpContext.RequestAborted);
        return Page();
    }

    private async Task<IActionResult> ShowAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        // The password step makes the key; without one the agent signs in again.
        if (string.IsNullOrEmpty(key))
            return RedirectToPage("/Staff/SignIn");
        Key = StaffAuthenticator.Readable(key);
        using var data = QRCodeGenerator.GenerateQrCode(StaffAuthenticator.OtpAuthUri("Chancery", user.UserName ?? user.Id, key), QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(5);
        return Page();
    }

    public sealed class EnrolInput
    {
        [Required, StringLength(16), Display(Name = "staff.account.enrol.code")]
        public string Code { get; set; } = "";
    }
}
