namespace Chancery.Core.Documents;

/// <summary>A blank item that was damaged or lost: its number is used up and never issued.</summary>
public sealed class SpoiledItem
{
    public long Id { get; private set; }

    public required int StockId { get; init; }

    public required long Serial { get; init; }

    public required string DocumentNumber { get; init; }

    public required string Reason { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTime RecordedAt { get; init; }
}
