namespace Chancery.Core.Screening.Import;

/// <summary>A whole file read without error. Only <see cref="Individuals"/> are people to screen.</summary>
public sealed record ParsedWatchlist(
    string SourceList,
    WatchlistFormat Format,
    IReadOnlyList<ParsedWatchlistEntry> Entries,
    WatchlistParseSummary Summary)
{
    public IEnumerable<ParsedWatchlistEntry> Individuals => Entries.Where(e => e.IsIndividual);
}
