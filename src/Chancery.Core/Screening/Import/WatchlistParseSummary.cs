namespace Chancery.Core.Screening.Import;

/// <summary>What a file held: every record is an individual or an entity (vessels and aircraft count as entities).</summary>
public sealed record WatchlistParseSummary(
    int Individuals,
    int Entities,
    int IndividualAliases,
    int EntityAliases,
    IReadOnlyList<SkippedRecord> Skipped)
{
    public int Entries => Individuals + Entities;
}
