using Chancery.Core.Cases;
using Chancery.Core.Staff;

namespace Chancery.Web.Pages.Staff.Cases;

// What one lifecycle step's little form on the case page asks for: an outcome (a hit cleared as a false
// positive or confirmed; the result of the checks is the screening's, never typed in), a reason (required for the steps that must say why), and what the last attempt left behind.
public sealed record ActionForm(CaseAction Action, string? Error = null, string? Reason = null, bool? Passed = null)
{
    public string Name => Action.ToString().ToLowerInvariant();

    public bool AsksOutcome => Action is CaseAction.ResolveHit;

    public bool AsksReason => AsksOutcome || CasePermissions.NeedsReason(Action);

    public bool ReasonRequired => CasePermissions.NeedsReason(Action);

    // Steps that stop or undo a case look less inviting than the ones that move it on.
    public bool IsSecondary => Action is CaseAction.Refuse or CaseAction.Withdraw or CaseAction.Invalidate or CaseAction.Reprint;
}
