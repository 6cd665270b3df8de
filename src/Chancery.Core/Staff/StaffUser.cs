using Microsoft.AspNetCore.Identity;

namespace Chancery.Core.Staff;

/// <summary>A member of staff who signs in to the back office.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set when the account is disabled: no sign-in, and live sessions end at their next validation.</summary>
    public DateTime? DisabledAt { get; set; }
}
