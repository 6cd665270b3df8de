using System.ComponentModel.DataAnnotations;
using Chancery.Core.Staff;
using Chancery.Web.Infrastructure;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Chancery.Web.Pages.Staff.Account;

// The agent's passkeys: add one (the device checks the person, then the server checks the attestation), confirm
// this session with one, remove one. Administrators are sent here until their session used a passkey
// (AccessMatrixEnforcement); they cannot remove their last one. Adding or removing a passkey ends the account's
// other sessions within a minute, as any change of factor does.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class PasskeysModel(UserManager<StaffUser> users, StaffSignInManager signIn, CurrentActor current, AuditTrail audit, Texts texts) : PageModel
{
    public const int NameLength = 60;

    /// <summary>The JSON of the credential the browser made or used (filled in by wwwroot/js/passkey.js).</summary>
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty, StringLength(NameLength), Display(Name = "staff.passkeys.name")]
    public string? Name { get; set; }

    [BindProperty]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public bool MustUsePasskey { get; private set; }

    public bool SessionUsedPasskey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var name = user.UserName ?? user.Id;
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = string.IsNullOrEmpty(user.DisplayName) ? name : user.DisplayName });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!ModelState.IsValid)
            return await PageAsync(user);
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(Credential ?? "");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException)
        {
            attestation = PasskeyAttestationResult.Fail(new PasskeyException("Not the JSON of a credential."));
        }

        if (!attestation.Succeeded || !string.Equals(attestation.UserEntity.Id, user.Id, StringComparison.Ordinal))
        {
            ModelState.AddModelError(string.Empty, texts["staff.passkeys.addFailed"]);
            return await PageAsync(user);
        }

        attestation.Passkey.Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        await users.UpdateSecurityStampAsync(user);
        await audit.OwnAccountAsync("page:/staff/compte/cles", user, ["Passkeys"], "passkey added", HttpContext.RequestAborted);
        // Making the passkey proved the device and the person: this session counts as opened with it.
        await signIn.SignInWithPasskeyAsync(user);
        TempData[Notice.Success] = texts["staff.passkeys.added"];
        return RedirectToPage(new { ReturnUrl = LocalReturnUrl });
    }

    public async Task<IActionResult> OnPostRequestOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        return Content(await signIn.MakePasskeyRequestOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var (result, _) = await signIn.PasskeyStepAsync(Credential ?? "", user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.IsLockedOut ? texts["staff.signin.lockedOut"] : texts["staff.passkeys.confirmFailed"]);
            return await PageAsync(user);
        }

        await signIn.SignInWithPasskeyAsync(user);
        return LocalRedirect(LocalReturnUrl ?? "/staff");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var passkeys = await users.GetPasskeysAsync(user);
        var passkey = passkeys.FirstOrDefault(p => string.Equals(WebEncoders.Base64UrlEncode(p.CredentialId), Id, StringComparison.Ordinal));
        if (passkey is null)
            return NotFound();
        var actor = await current.GetAsync(HttpContext.RequestAborted);
        if (passkeys.Count == 1 && actor?.Roles.Contains(Role.Administrator) == true)
        {
            ModelState.AddModelError(string.Empty, texts["staff.passkeys.lastOne"]);
            return await PageAsync(user);
        }

        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await users.UpdateSecurityStampAsync(user);
        await audit.OwnAccountAsync("page:/staff/compte/cles", user, ["Passkeys"], "passkey removed", HttpContext.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [.. User.FindAll(StaffSignInManager.AmrClaim).Select(c => new System.Security.Claims.Claim(c.Type, c.Value))]);
        TempData[Notice.Success] = texts["staff.passkeys.removed"];
        return RedirectToPage();
    }

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    private string? LocalReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    private async Task<IActionResult> PageAsync(StaffUser user)
    {
        Credential = null;
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        Passkeys = [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)];
        var actor = await current.GetAsync(HttpContext.RequestAborted);
        SessionUsedPasskey = StaffSignInManager.UsedPasskey(User);
        MustUsePasskey = actor?.Roles.Contains(Role.Administrator) == true && !SessionUsedPasskey;
    }
}
