namespace Chancery.Core.Tests.Screening.Import;

/// <summary>The published lists in ../shared/data/watchlists, found by walking up from the test binaries.</summary>
internal static class WatchlistFiles
{
    public static string OfacSdn => Path.Combine(Directory, "ofac-sdn-2024-05.csv");

    public static string UnConsolidated => Path.Combine(Directory, "un-consolidated-2018.xml");

    private static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "watchlists");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }

        throw new InvalidOperationException($"No shared/data/watchlists above {AppContext.BaseDirectory}.");
    }
}
