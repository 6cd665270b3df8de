using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

/// <summary>
/// A listed person whose best-matching name scored at or above the threshold, and why:
/// which name matched, the aligned parts and every rule and context adjustment applied.
/// </summary>
public sealed record WatchlistHit(
    long EntryId,
    string ListName,
    string SourceId,
    string PrimaryName,
    string MatchedName,
    string MatchedKind,
    double NameScore,
    double Score,
    IReadOnlyList<TokenAlignment> Alignments,
    IReadOnlyList<string> Reasons);
