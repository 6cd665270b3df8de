namespace Chancery.Core.Cases;

/// <summary>Every step a case can take. <see cref="CaseLifecycle"/> says from where to where.</summary>
public enum CaseAction
{
    /// <summary>The case was entered; recorded in the history, never applied as a step.</summary>
    Submit,
    StartChecks,
    RecordChecks,
    ResolveHit,
    Approve,
    Refuse,
    Print,
    Reprint,
    IssueInPerson,
    Dispatch,
    Deliver,
    Close,
    Withdraw,
    Invalidate,
}
