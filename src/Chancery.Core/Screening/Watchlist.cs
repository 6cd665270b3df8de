namespace Chancery.Core.Screening;

/// <summary>
/// A lookout list. Its <see cref="ChangedAt"/> makes every screening done before it stale:
/// the issuance gate requires a screening newer than the latest change of any list.
/// </summary>
public sealed class Watchlist
{
    public int Id { get; private set; }

    public required string Name { get; init; }

    public required DateTime ChangedAt { get; set; }
}
