namespace Chancery.Core.Screening;

/// <summary>
/// A lookout list. Each import replaces its entries and bumps <see cref="Version"/>; its
/// <see cref="ChangedAt"/> makes every screening done before it stale: the issuance gate requires a
/// screening newer than the latest change of any list.
/// </summary>
public sealed class Watchlist
{
    public int Id { get; private set; }

    public required string Name { get; init; }

    public required DateTime ChangedAt { get; set; }

    /// <summary>The published format it is imported from: OfacSdn, UnXml or ChanceryCsv.</summary>
    public string? Format { get; set; }

    public int Version { get; set; }

    public int Individuals { get; set; }

    public int Aliases { get; set; }
}
