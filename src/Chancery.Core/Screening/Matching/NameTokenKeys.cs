namespace Chancery.Core.Screening.Matching;

/// <summary>
/// What an index stores for one name part: the normalised text, its folded spelling, its
/// phonetic key and the character trigrams of the folded spelling (padded with '_' at both ends).
/// </summary>
public sealed record NameTokenKeys(string Text, string Folded, string PhoneticKey, IReadOnlyList<string> Trigrams, NameTokenKind Kind);
