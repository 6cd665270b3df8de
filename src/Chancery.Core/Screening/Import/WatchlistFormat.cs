namespace Chancery.Core.Screening.Import;

/// <summary>The published watchlist formats Chancery reads.</summary>
public enum WatchlistFormat
{
    /// <summary>OFAC legacy SDN CSV: 12 columns, no header, details in the remarks column.</summary>
    OfacSdn,

    /// <summary>UN Security Council consolidated list XML.</summary>
    UnXml,

    /// <summary>Chancery's own CSV for national lookout lists (docs/watchlist-formats.md).</summary>
    ChanceryCsv,
}
