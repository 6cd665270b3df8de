using Microsoft.AspNetCore.Identity;

namespace Chancery.Core.Staff;

/// <summary>A member of staff who signs in to the back office.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
