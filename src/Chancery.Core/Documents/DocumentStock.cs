using System.Globalization;

namespace Chancery.Core.Documents;

/// <summary>
/// A range of blank booklets, cards, stickers or forms received by a post. Each item's number is
/// <see cref="Prefix"/> followed by its serial, nine characters in all (the Doc 9303 field length).
/// </summary>
public sealed class DocumentStock
{
    public const int NumberLength = 9;

    public int Id { get; private set; }

    public required int PostId { get; init; }

    public required StockKind Kind { get; init; }

    public required string Prefix { get; init; }

    public required long FirstSerial { get; init; }

    public required long LastSerial { get; init; }

    /// <summary>The next serial to use; past <see cref="LastSerial"/> the range is exhausted. Only advanced by a conditional update.</summary>
    public long NextSerial { get; private set; }

    public required DateTime ReceivedAt { get; init; }

    public required string ReceivedBy { get; init; }

    public long Remaining => Math.Max(0, LastSerial - NextSerial + 1);

    public static DocumentStock Receive(int postId, StockKind kind, string prefix, long first, long last, DateTime at, string by) => new()
    {
        PostId = postId,
        Kind = kind,
        Prefix = prefix,
        FirstSerial = first,
        LastSerial = last,
        NextSerial = first,
        ReceivedAt = at,
        ReceivedBy = by,
    };

    public string NumberOf(long serial) =>
        Prefix + serial.ToString(CultureInfo.InvariantCulture).PadLeft(NumberLength - Prefix.Length, '0');
}
