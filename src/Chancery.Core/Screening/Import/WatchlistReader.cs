namespace Chancery.Core.Screening.Import;

/// <summary>Reads a whole watchlist file in the given format. Throws <see cref="WatchlistFormatException"/>, never a partial list.</summary>
public static class WatchlistReader
{
    public static ParsedWatchlist Read(
        WatchlistFormat format, Stream stream, string? sourceList = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        format switch
        {
            WatchlistFormat.OfacSdn => OfacSdnReader.Read(stream, sourceList ?? OfacSdnReader.DefaultSourceList, progress, cancellationToken),
            WatchlistFormat.UnXml => UnConsolidatedListReader.Read(stream, sourceList ?? UnConsolidatedListReader.DefaultSourceList, progress, cancellationToken),
            WatchlistFormat.ChanceryCsv => ChanceryLookoutCsv.Read(
                stream, sourceList ?? throw new ArgumentNullException(nameof(sourceList), "A national lookout list needs a name."), progress, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
}
