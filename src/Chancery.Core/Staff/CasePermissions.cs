using Chancery.Core.Cases;

namespace Chancery.Core.Staff;

/// <summary>Which role may take which step of a case: the one table the pages, the API and the operations read.</summary>
public static class CasePermissions
{
    public static Role RoleFor(CaseAction action) => action switch
    {
        CaseAction.Submit or CaseAction.StartChecks => Role.Clerk,
        CaseAction.RecordChecks or CaseAction.ResolveHit => Role.SecurityOfficer,
        CaseAction.Approve or CaseAction.Refuse => Role.Adjudicator,
        CaseAction.Print or CaseAction.Reprint => Role.PrintOperator,
        CaseAction.IssueInPerson or CaseAction.Dispatch or CaseAction.Deliver or CaseAction.Close or CaseAction.Withdraw => Role.Clerk,
        CaseAction.Invalidate => Role.Consul,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Roles that may read cases of the posts they are designated for.</summary>
    public static readonly IReadOnlySet<Role> CaseReaders = new HashSet<Role>
    {
        Role.Clerk, Role.SecurityOfficer, Role.Adjudicator, Role.PrintOperator, Role.Consul, Role.Auditor,
    };

    public static bool CanRead(Actor actor) => actor is not null && actor.Roles.Overlaps(CaseReaders);

    /// <summary>Steps that must say why.</summary>
    public static bool NeedsReason(CaseAction action) =>
        action is CaseAction.Refuse or CaseAction.ResolveHit or CaseAction.Withdraw or CaseAction.Invalidate or CaseAction.Reprint;
}
