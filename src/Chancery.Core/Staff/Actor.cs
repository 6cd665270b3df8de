namespace Chancery.Core.Staff;

/// <summary>
/// Who is acting: a signed-in agent or an API client, with the roles they hold and the posts
/// they may see on this day (from designations, or from the API key).
/// </summary>
public sealed record Actor(
    string Id,
    string DisplayName,
    IReadOnlySet<Role> Roles,
    IReadOnlySet<int> PostIds,
    string? IpAddress,
    bool IsMachine = false)
{
    public bool Has(Role role) => Roles.Contains(role);

    public bool Sees(int postId) => PostIds.Contains(postId);
}
