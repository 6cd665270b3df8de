using System.ComponentModel.DataAnnotations;
using Chancery.Core.Staff;
using Chancery.Web.Infrastructure;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff.Account;

// The agent's own sign-in factors: how many recovery codes are left, new recovery codes, and a new authenticator
// (after the password: a stolen session alone cannot swap in the thief's app). Either change ends the account's
// other sessions at their next check, within a minute.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class IndexModel(UserManager<StaffUser> users, StaffSignInManager signIn, AuditTrail audit, Texts texts) : PageModel
{
    [BindProperty]
    public ResetInput Reset { get; set; } = new();

    public string UserName { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnrolModel.RecoveryCodeCount) ?? []];
        await users.UpdateSecurityStampAsync(user);
        await audit.OwnAccountAsync("page:/staff/compte", user, ["RecoveryCodes"], "recovery codes renewed", HttpContext.RequestAborted);
        await signIn.SignInWithSecondFactorAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        ModelState.Clear();
        if (string.IsNullOrEmpty(Reset.Password) || !await users.CheckPasswordAsync(user, Reset.Password))
        {
            ModelState.AddModelError("Reset.Password", texts["staff.account.reset.wrongPassword"]);
            Reset.Password = "";
            await LoadAsync(user);
            return Page();
        }

        await StaffAccountControl.ClearFactorsAsync(users, user);
        await audit.OwnAccountAsync("page:/staff/compte", user, AuditTrail.FactorFields, "own sign-in factors reset", HttpContext.RequestAborted);
        // This session goes on with the password alone, straight to enrolling the new authenticator.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new(StaffSignInManager.AmrClaim, "pwd")]);
        TempData[Notice.Success] = texts["staff.account.reset.done"];
        return LocalRedirect(ChanceryHost.StaffEnrolmentPath);
    }

    private async Task LoadAsync(StaffUser user)
    {
        UserName = user.UserName ?? "";
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
    }

    public sealed class ResetInput
    {
        [StringLength(256), DataType(DataType.Password), Display(Name = "staff.account.reset.password")]
        public string Password { get; set; } = "";
    }
}
