namespace Chancery.Core.Screening;

/// <summary>A listed person of one version of a watchlist, with every name they are known by.</summary>
public sealed class WatchlistEntry
{
    private readonly List<WatchlistName> names = [];

    public long Id { get; private set; }

    public required int WatchlistId { get; init; }

    /// <summary>The source's own identifier (OFAC ent_num, UN DATAID, …).</summary>
    public required string SourceId { get; init; }

    public required string PrimaryName { get; init; }

    /// <summary>Birth dates as the source gives them, <c>|</c>-separated: <c>1960-01-12</c>, <c>1960</c>, <c>circa 1960</c>, <c>1955-1960</c>.</summary>
    public string? BirthDates { get; init; }

    /// <summary>ISO 3166-1 alpha-3 codes where known, <c>|</c>-separated.</summary>
    public string? Nationalities { get; init; }

    /// <summary>Travel document numbers given by the source, <c>|</c>-separated.</summary>
    public string? DocumentNumbers { get; init; }

    /// <summary>Why the person is listed: programme or regime, as the source says.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<WatchlistName> Names => names;

    public void AddName(WatchlistName name) => names.Add(name);
}
