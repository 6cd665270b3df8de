using Chancery.Core.Data;
using Chancery.Core.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Chancery.Core.Staff;

/// <summary>
/// Identity's store for staff accounts, with the second-factor secrets sealed: the authenticator key (the TOTP seed)
/// and the recovery codes are kept in AspNetUserTokens as sealed text bound to the account, so a copy of the
/// database does not give a thief the codes of any account. A clear value in their place does not open.
/// </summary>
public sealed class StaffUserStore(ChanceryDb context, Sealer sealer, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, ChanceryDb>(context, describer)
{
    /// <summary>The entity name in the associated data of sealed staff tokens.</summary>
    public const string Entity = "StaffToken";

    /// <summary>The token names Identity uses for the authenticator key and the recovery codes.</summary>
    public static readonly IReadOnlySet<string> SealedNames = new HashSet<string>(StringComparer.Ordinal) { "AuthenticatorKey", "RecoveryCodes" };

    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(name);
        return base.SetTokenAsync(user, loginProvider, name,
            value is not null && SealedNames.Contains(name) ? sealer.Seal(value, Entity, name, user.Id) : value, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(name);
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken).ConfigureAwait(false);
        return stored is not null && SealedNames.Contains(name) ? sealer.Open(stored, Entity, name, user.Id) : stored;
    }
}
