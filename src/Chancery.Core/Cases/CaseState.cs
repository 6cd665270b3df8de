namespace Chancery.Core.Cases;

/// <summary>Where a case stands in its lifecycle. Stored by name, so database triggers can read it.</summary>
public enum CaseState
{
    Submitted,
    ChecksPending,
    ChecksCleared,
    Hit,
    HitResolved,
    Approved,
    Refused,
    Printed,
    Issued,
    Dispatched,
    Delivered,
    Closed,
    Withdrawn,
    Invalidated,
}
