using Chancery.Core.Common;

namespace Chancery.Core.Cases;

/// <summary>
/// The one state machine of a case. Every change of <see cref="Case.State"/> goes through
/// <see cref="Next"/>; nothing else assigns the state.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseState[] Withdrawable =
        [CaseState.Submitted, CaseState.ChecksPending, CaseState.ChecksCleared, CaseState.Hit, CaseState.HitResolved, CaseState.Approved];

    private static readonly CaseState[] Invalidatable =
        [CaseState.Printed, CaseState.Issued, CaseState.Dispatched, CaseState.Delivered, CaseState.Closed];

    /// <summary>The states an action may start from.</summary>
    public static IReadOnlyList<CaseState> From(CaseAction action) => action switch
    {
        CaseAction.StartChecks => [CaseState.Submitted],
        // A stale screening is re-run on a cleared or approved case before print, and on a printed one before a reprint.
        CaseAction.RecordChecks => [CaseState.ChecksPending, CaseState.ChecksCleared, CaseState.HitResolved, CaseState.Approved, CaseState.Printed],
        CaseAction.ResolveHit => [CaseState.Hit],
        CaseAction.Approve => [CaseState.ChecksCleared, CaseState.HitResolved],
        CaseAction.Refuse => [CaseState.ChecksCleared, CaseState.HitResolved],
        CaseAction.Print => [CaseState.Approved],
        CaseAction.Reprint => [CaseState.Printed],
        CaseAction.IssueInPerson => [CaseState.Printed],
        CaseAction.Dispatch => [CaseState.Printed],
        CaseAction.Deliver => [CaseState.Dispatched],
        CaseAction.Close => [CaseState.Issued, CaseState.Delivered, CaseState.Refused, CaseState.Withdrawn],
        CaseAction.Withdraw => Withdrawable,
        CaseAction.Invalidate => Invalidatable,
        _ => [],
    };

    /// <summary>
    /// The state after <paramref name="action"/>. <paramref name="passed"/> is the outcome for
    /// actions that branch: a clear screening (RecordChecks) or a hit cleared as a false positive (ResolveHit).
    /// </summary>
    public static Result<CaseState> Next(CaseState current, CaseAction action, bool passed = true)
    {
        if (!From(action).Contains(current))
        {
            return Error.Conflict(
                "case.illegal-transition",
                $"A case in state '{current}' cannot take the action '{action}'. Allowed from: {string.Join(", ", From(action))}.");
        }

        return action switch
        {
            CaseAction.StartChecks => CaseState.ChecksPending,
            CaseAction.RecordChecks when !passed => CaseState.Hit,
            CaseAction.RecordChecks when current == CaseState.ChecksPending => CaseState.ChecksCleared,
            CaseAction.RecordChecks => current,
            CaseAction.ResolveHit => passed ? CaseState.HitResolved : CaseState.Refused,
            CaseAction.Approve => CaseState.Approved,
            CaseAction.Refuse => CaseState.Refused,
            CaseAction.Print or CaseAction.Reprint => CaseState.Printed,
            CaseAction.IssueInPerson => CaseState.Issued,
            CaseAction.Dispatch => CaseState.Dispatched,
            CaseAction.Deliver => CaseState.Delivered,
            CaseAction.Close => CaseState.Closed,
            CaseAction.Withdraw => CaseState.Withdrawn,
            CaseAction.Invalidate => CaseState.Invalidated,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>The actions that can be taken from <paramref name="state"/>, whoever asks.</summary>
    public static IEnumerable<CaseAction> Available(CaseState state) =>
        Enum.GetValues<CaseAction>().Where(a => From(a).Contains(state));
}
