using Chancery.Core.Screening.Import;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;

namespace Chancery.Bench.Screening;

// The published lists in shared/data/watchlists, read with the importers the application uses,
// individuals only, in the shape the index takes.
internal static class RealWatchlists
{
    public static readonly (string File, WatchlistFormat Format)[] Files =
    [
        ("ofac-sdn-2024-05.csv", WatchlistFormat.OfacSdn),
        ("un-consolidated-2018.xml", WatchlistFormat.UnXml),
    ];

    /// <summary>The folder holding shared/data: the one given, else the first found walking up from here.</summary>
    public static string? FindSharedData(string? given)
    {
        if (given is not null)
        {
            var direct = Path.GetFullPath(given);
            if (Directory.Exists(Path.Combine(direct, "watchlists")))
                return direct;
            var nested = Path.Combine(direct, "data");
            return Directory.Exists(Path.Combine(nested, "watchlists")) ? nested : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "watchlists")))
                    return candidate;
            }
        }

        return null;
    }

    public static List<IndexedEntry> Read(string sharedData)
    {
        var entries = new List<IndexedEntry>();
        foreach (var (file, format) in Files)
        {
            using var stream = File.OpenRead(Path.Combine(sharedData, "watchlists", file));
            var list = WatchlistReader.Read(format, stream);
            foreach (var parsed in list.Individuals)
            {
                entries.Add(ToIndexed(entries.Count + 1, parsed));
            }
        }

        return entries;
    }

    private static IndexedEntry ToIndexed(long entryId, ParsedWatchlistEntry parsed)
    {
        var names = new List<IndexedName> { new(parsed.PrimaryName, "Primary") };
        foreach (var alias in parsed.Aliases)
        {
            names.Add(new IndexedName(alias.Name, "Alias", alias.Quality == AliasQuality.Unspecified ? null : alias.Quality.ToString()));
        }

        foreach (var original in parsed.OriginalScriptNames)
        {
            names.Add(new IndexedName(original, "OriginalScript"));
        }

        var birthDates = new List<BirthDate>();
        foreach (var date in parsed.BirthDates)
        {
            if (date.IsRange)
            {
                // A range stands for each year in it; a long one for its two ends.
                if (date.ToYear - date.FromYear <= 10)
                {
                    for (var year = date.FromYear; year <= date.ToYear; year++)
                        birthDates.Add(new BirthDate(year));
                }
                else
                {
                    birthDates.Add(new BirthDate(date.FromYear));
                    birthDates.Add(new BirthDate(date.ToYear));
                }
            }
            else
            {
                birthDates.Add(new BirthDate(date.FromYear, date.Month, date.Day));
            }
        }

        var nationalities = parsed.Nationalities.Select(n => n.Alpha3 ?? n.Text).Distinct(StringComparer.Ordinal).ToList();
        return new IndexedEntry(entryId, parsed.SourceList, parsed.SourceId, names, birthDates, nationalities);
    }
}
