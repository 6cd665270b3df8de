namespace Chancery.Core.Screening.Matching;

/// <summary>
/// The result of comparing two person names: a score in [0, 1], the aligned parts and the
/// reasons, in words, for the score (rules applied, parts dropped, order changed).
/// </summary>
public sealed record NameComparison(double Score, IReadOnlyList<TokenAlignment> Alignments, IReadOnlyList<string> Reasons);
