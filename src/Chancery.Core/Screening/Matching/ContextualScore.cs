namespace Chancery.Core.Screening.Matching;

/// <summary>A name score adjusted for birth date and nationality, with the reasons for each adjustment.</summary>
public sealed record ContextualScore(double Score, IReadOnlyList<string> Reasons);
