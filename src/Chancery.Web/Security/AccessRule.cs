using Chancery.Core.Staff;

namespace Chancery.Web.Security;

/// <summary>
/// One line of the <see cref="AccessMatrix"/>: an HTTP method (<c>*</c> for any) on a route pattern, optionally one
/// Razor Pages handler, the roles that may use it and the records it reaches.
/// </summary>
internal sealed record AccessRule(string Method, string Route, AccessScope Scope, IReadOnlySet<Role> Roles, string? Handler = null)
{
    public bool IsPublic => Scope == AccessScope.Public;

    public bool Allows(Actor? actor) => Scope switch
    {
        AccessScope.Public => true,
        AccessScope.SignedIn => actor is not null,
        _ => actor is not null && actor.Roles.Overlaps(Roles),
    };
}
