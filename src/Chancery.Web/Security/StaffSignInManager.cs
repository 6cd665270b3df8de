using System.Security.Claims;
using Chancery.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Security;

/// <summary>
/// Identity's sign-in, with two Chancery rules: a disabled account cannot sign in, and a live session of a
/// disabled account fails its next security-stamp check (every minute) even if the stamp were not changed.
/// </summary>
internal sealed class StaffSignInManager(
    UserManager<StaffUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<StaffUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>The claim that says how the session was opened (RFC 8176); <see cref="Mfa"/> once a second factor was given.</summary>
    public const string AmrClaim = "amr";
    public const string Mfa = "mfa";

    /// <summary>The session was opened or confirmed with a passkey (RFC 8176 "hwk": proof of a key held by the device).</summary>
    public const string Passkey = "hwk";

    private static readonly StaffUser NoUser = new();
    private static string? unknownUserHash;

    public static bool HasSecondFactor(ClaimsPrincipal principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.HasClaim(AmrClaim, Mfa);

    public override async Task<bool> CanSignInAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledAt is null && await base.CanSignInAsync(user);
    }

    public override async Task<StaffUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user?.DisabledAt is null ? user : null;
    }

    /// <summary>
    /// The password step. Identity's own checks (disabled, locked out, wrong password counting towards the
    /// lockout, a weak hash rehashed), then: an enrolled account goes on to its second step with a half-open
    /// two-factor cookie; an account without a second factor gets a password-only session that can do one
    /// thing, enrol (<see cref="SignInResult.Succeeded"/>), with an authenticator key made ready for it.
    /// </summary>
    public async Task<SignInResult> PasswordStepAsync(string userName, string password)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // As slow as a wrong password, so that the time taken does not say whether the name exists.
            unknownUserHash ??= UserManager.PasswordHasher.HashPassword(NoUser, Guid.NewGuid().ToString());
            UserManager.PasswordHasher.VerifyHashedPassword(NoUser, unknownUserHash, password);
            return SignInResult.Failed;
        }

        var checkedPassword = await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!checkedPassword.Succeeded)
            return checkedPassword;
        var hasKey = !string.IsNullOrEmpty(await UserManager.GetAuthenticatorKeyAsync(user));
        if (hasKey && await UserManager.GetTwoFactorEnabledAsync(user))
            return await SignInOrTwoFactorAsync(user, isPersistent: false);

        if (!hasKey)
            await UserManager.ResetAuthenticatorKeyAsync(user);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AmrClaim, "pwd")]);
        return SignInResult.Success;
    }

    /// <summary>Signs in with the claim that the second factor was given (after enrolment, or a passkey).</summary>
    public Task SignInWithSecondFactorAsync(StaffUser user) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AmrClaim, Mfa)]);

    /// <summary>Signs in with the claims that a passkey was used; with user verification required it is both factors.</summary>
    public Task SignInWithPasskeyAsync(StaffUser user) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AmrClaim, Mfa), new Claim(AmrClaim, Passkey)]);

    public static bool UsedPasskey(ClaimsPrincipal principal) =>
        HasSecondFactor(principal) && principal.HasClaim(AmrClaim, Passkey);

    /// <summary>
    /// Checks a passkey assertion (made with the options of <see cref="SignInManager{TUser}.MakePasskeyRequestOptionsAsync"/>)
    /// and the account behind it: not disabled, not locked out, and, when <paramref name="expected"/> is given, that account.
    /// Keeps the new signature counter. Failures count towards the lockout as wrong codes do.
    /// </summary>
    public async Task<(SignInResult Result, StaffUser? User)> PasskeyStepAsync(string credentialJson, StaffUser? expected)
    {
        PasskeyAssertionResult<StaffUser> assertion;
        try
        {
            assertion = await PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException)
        {
            // Not the JSON of a credential at all.
            return (SignInResult.Failed, null);
        }

        if (!assertion.Succeeded)
        {
            Logger.LogInformation("Passkey assertion refused: {Reason}", assertion.Failure?.Message);
            if (expected is not null)
                await UserManager.AccessFailedAsync(expected);
            return (SignInResult.Failed, null);
        }

        var user = assertion.User;
        if (expected is not null && !string.Equals(expected.Id, user.Id, StringComparison.Ordinal))
            return (SignInResult.Failed, null);
        if (!await CanSignInAsync(user))
            return (SignInResult.NotAllowed, null);
        if (await UserManager.IsLockedOutAsync(user))
            return (SignInResult.LockedOut, null);
        await UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await UserManager.ResetAccessFailedCountAsync(user);
        return (SignInResult.Success, user);
    }
}
