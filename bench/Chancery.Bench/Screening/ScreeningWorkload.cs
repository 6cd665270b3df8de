using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;

namespace Chancery.Bench.Screening;

/// <summary>
/// One query of the benchmark and how it was made: a variant of a listed name (the kind of
/// change, the listed entry and the name it came from) or a person who is not listed.
/// </summary>
internal sealed record BenchQuery(
    ScreeningQuery Query,
    VariantKind? Variant,
    long? TargetEntryId,
    string? SourceName,
    bool FromRealList,
    string Population)
{
    public bool IsVariant => Variant is not null;

    public bool WithContext => Query.BirthDate is not null || Query.Nationality is not null;
}

/// <summary>The watchlist and the queries of one run, the same for the same seed and sizes.</summary>
internal sealed class ScreeningWorkload
{
    private ScreeningWorkload(List<IndexedEntry> entries, int realEntries, List<BenchQuery> queries, Dictionary<long, string> populations, List<NamePartCount> commonest)
    {
        CommonestNameParts = commonest;
        Entries = entries;
        RealEntries = realEntries;
        Queries = queries;
        Populations = populations;
    }

    public List<IndexedEntry> Entries { get; }

    public int RealEntries { get; }

    public List<BenchQuery> Queries { get; }

    /// <summary>The population each synthetic entry was drawn from (real entries are absent).</summary>
    public Dictionary<long, string> Populations { get; }

    public int Names => Entries.Sum(e => e.Names.Count);

    /// <summary>Synthetic names drawn again, or given a further given name, because they were already listed.</summary>
    public int RedrawnNames { get; init; }

    /// <summary>The folded name parts in the most primary names, with how many.</summary>
    public List<NamePartCount> CommonestNameParts { get; }

    /// <summary>
    /// A name as the index sees it for exactness: its substantive parts, folded, in sorted order
    /// (so "HASSAN, Ali" and "Ali Hassan" are one name, and Mohammed and Muhammad are too).
    /// </summary>
    /// <remarks>
    /// A second key, the parts run together in written order, makes Hyun-young, Hyun Young and
    /// Hyunyoung one name too (the matcher merges parts).
    /// </remarks>
    public static (string Sorted, string Joined) Keys(string name)
    {
        var parts = PreparedName.Of(name).Tokens.Where(t => t.Kind is NameTokenKind.Name or NameTokenKind.Initial).Select(t => t.Folded).ToList();
        return ("s " + string.Join(' ', parts.Order(StringComparer.Ordinal)), "j " + string.Concat(parts));
    }

    private static bool Listed(HashSet<string> keys, (string Sorted, string Joined) key) => keys.Contains(key.Sorted) || keys.Contains(key.Joined);

    private static void Add(HashSet<string> keys, (string Sorted, string Joined) key)
    {
        keys.Add(key.Sorted);
        keys.Add(key.Joined);
    }

    private static string[] Parts(string sortedKey) => sortedKey.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

    public static ScreeningWorkload Create(List<IndexedEntry> realEntries, int entries, int queries, ulong seed)
    {
        var root = new SplitMix64(seed);
        var listRandom = root.Fork();
        var variantRandom = root.Fork();
        var absentRandom = root.Fork();

        var list = realEntries.Take(entries).ToList();
        var real = list.Count;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var partCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string[] parts)
        {
            foreach (var part in parts.Distinct())
                partCounts[part] = partCounts.GetValueOrDefault(part) + 1;
        }

        foreach (var entry in list)
        {
            Count(Parts(Keys(entry.Names[0].Name).Sorted));
            foreach (var name in entry.Names)
                Add(keys, Keys(name.Name));
        }

        var people = new SyntheticPeople();
        var populations = new Dictionary<long, string>();
        while (list.Count < entries)
        {
            string[] accepted = [];
            var entry = people.DrawEntry(
                list.Count + 1,
                listRandom,
                name =>
                {
                    var key = Keys(name);
                    if (Listed(keys, key))
                        return false;
                    Add(keys, key);
                    accepted = Parts(key.Sorted);
                    return true;
                },
                out var population);
            Count(accepted);
            foreach (var alias in entry.Names.Skip(1))
                Add(keys, Keys(alias.Name));
            populations[entry.EntryId] = population;
            list.Add(entry);
        }

        var variants = queries / 2;
        var benchQueries = new List<BenchQuery>(queries);
        var kinds = Enum.GetValues<VariantKind>();
        for (var i = 0; i < variants; i++)
        {
            benchQueries.Add(Variant(list, real, populations, kinds[i % kinds.Length], variantRandom));
        }

        while (benchQueries.Count < queries)
        {
            var drawn = people.Draw(absentRandom);
            if (Listed(keys, Keys(drawn.Name)))
                continue;
            var withContext = absentRandom.Chance(0.5);
            var query = new ScreeningQuery(
                drawn.Name,
                withContext ? SyntheticPeople.RandomBirthDate(absentRandom, fullShare: 1) : null,
                withContext ? absentRandom.Pick(drawn.Nationalities) : null);
            benchQueries.Add(new BenchQuery(query, null, null, null, false, drawn.Population));
        }

        var commonest = partCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(12)
            .Select(p => new NamePartCount(p.Key, p.Value)).ToList();
        return new ScreeningWorkload(list, real, benchQueries, populations, commonest) { RedrawnNames = people.Redrawn };
    }

    // A listed entry (three in ten from the real lists), one of its Latin-script names, one
    // change of the given kind; half of the queries carry the birth date and nationality an
    // applicant would give, taken from the entry where it has them.
    private static BenchQuery Variant(List<IndexedEntry> list, int real, Dictionary<long, string> populations, VariantKind kind, SplitMix64 random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var fromReal = real > 0 && (real == list.Count || random.Chance(0.3));
            var entry = fromReal ? list[random.Below(real)] : list[real + random.Below(list.Count - real)];
            var latin = entry.Names.Where(n => n.Kind != "OriginalScript" && n.Name.Any(char.IsAsciiLetter)).ToList();
            if (latin.Count == 0)
                continue;
            var source = latin.Count == 1 || random.Chance(0.8) ? latin[0] : latin[1 + random.Below(latin.Count - 1)];
            var changed = NameVariants.Apply(kind, source.Name, random);
            if (changed is null || changed == source.Name)
            {
                if (attempt > 10_000)
                    throw new InvalidOperationException($"No listed name takes a {kind} variant.");
                continue;
            }

            BirthDate? birthDate = null;
            string? nationality = null;
            if (random.Chance(0.5))
            {
                birthDate = entry.BirthDates.Count == 0 ? SyntheticPeople.RandomBirthDate(random, fullShare: 1) : Completed(entry.BirthDates[0], random);
                nationality = entry.Nationalities.Count == 0 ? null : entry.Nationalities[0];
            }

            var population = fromReal ? entry.ListName : populations[entry.EntryId];
            return new BenchQuery(new ScreeningQuery(changed, birthDate, nationality), kind, entry.EntryId, source.Name, fromReal, population);
        }
    }

    // An applicant gives a full date; a listed year or month is completed at random.
    private static BirthDate Completed(BirthDate listed, SplitMix64 random)
    {
        var month = listed.Month ?? random.Between(1, 12);
        var day = listed.Day ?? random.Between(1, DateTime.DaysInMonth(listed.Year, month));
        return new BirthDate(listed.Year, month, day);
    }
}
