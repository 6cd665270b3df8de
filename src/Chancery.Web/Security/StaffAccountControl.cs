using Chancery.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Security;

/// <summary>
/// Disabling, enabling and resetting the sign-in factors of a staff account, for the administrators' page and
/// the <c>chancery staff</c> verb. Each changes the security stamp, so the account's live sessions end at
/// their next check (every minute).
/// </summary>
internal sealed class StaffAccountControl(UserManager<StaffUser> users, TimeProvider clock)
{
    public async Task<IdentityResult> DisableAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.DisabledAt ??= clock.GetUtcNow().UtcDateTime;
        // Saves DisabledAt with the new stamp in one update.
        return await users.UpdateSecurityStampAsync(user);
    }

    public async Task<IdentityResult> EnableAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.DisabledAt = null;
        var result = await users.SetLockoutEndDateAsync(user, null);
        return result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result;
    }

    /// <summary>No authenticator, no recovery codes, no passkeys: the agent enrols again at the next sign-in.</summary>
    public Task<IdentityResult> ResetFactorsAsync(StaffUser user) => ClearFactorsAsync(users, user);

    public static async Task<IdentityResult> ClearFactorsAsync(UserManager<StaffUser> users, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        foreach (var passkey in await users.GetPasskeysAsync(user))
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key (and with it a new security stamp): a code from the old app is worth nothing.
        return await users.ResetAuthenticatorKeyAsync(user);
    }
}
