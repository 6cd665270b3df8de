namespace Chancery.Core.Applications;

/// <summary>What the answers are checked against besides themselves: the day, and the posts that take applications.</summary>
/// <param name="Today">The applicant's day, for dates in the past or the future and for minors.</param>
/// <param name="PostCodes">Codes of the posts an application may be made to.</param>
public sealed record ApplicationRules(DateOnly Today, IReadOnlySet<string> PostCodes);
