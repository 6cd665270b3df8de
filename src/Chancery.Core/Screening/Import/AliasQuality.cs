namespace Chancery.Core.Screening.Import;

/// <summary>
/// The source's own judgement of an alias: UN "Good"/"Low", OFAC "strong"/"weak".
/// Unspecified when the source says nothing (the OFAC legacy CSV never does).
/// </summary>
public enum AliasQuality
{
    Unspecified,
    Good,
    Low,
    Strong,
    Weak,
}
