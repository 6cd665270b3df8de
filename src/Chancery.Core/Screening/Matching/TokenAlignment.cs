namespace Chancery.Core.Screening.Matching;

/// <summary>A part of the first name aligned with a part of the second, with how similar they are and why.</summary>
public sealed record TokenAlignment(string First, string Second, double Similarity, MatchRule Rule);
