namespace Chancery.Core.Screening;

public enum HitResolution
{
    /// <summary>A false positive: the case may go on.</summary>
    Cleared,

    /// <summary>The applicant is the listed person: the case is refused.</summary>
    Confirmed,
}
