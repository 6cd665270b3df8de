using Chancery.TestCommon;

namespace Chancery.Core.Tests.Screening.Import;

/// <summary>The published lists in ../shared/data/watchlists.</summary>
internal static class WatchlistFiles
{
    public static string OfacSdn => SharedData.PathOf("watchlists/ofac-sdn-2024-05.csv");

    public static string UnConsolidated => SharedData.PathOf("watchlists/un-consolidated-2018.xml");
}
