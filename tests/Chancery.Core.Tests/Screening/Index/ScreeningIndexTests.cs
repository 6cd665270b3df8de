using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Chancery.Core.Screening.Import;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;
using Chancery.TestCommon;

namespace Chancery.Core.Tests.Screening.Index;

public sealed class ScreeningIndexTests
{
    private const double Threshold = 0.85;

    // The individuals of the real OFAC SDN and UN consolidated lists, every name indexed.
    private static readonly Lazy<(IndexedEntry[] Entries, ScreeningIndex Index)> RealLists = new(() =>
    {
        var entries = new List<IndexedEntry>();
        foreach (var (file, format) in new[] { ("watchlists/ofac-sdn-2024-05.csv", WatchlistFormat.OfacSdn), ("watchlists/un-consolidated-2018.xml", WatchlistFormat.UnXml) })
        {
            using var stream = File.OpenRead(SharedData.PathOf(file));
            foreach (var entry in WatchlistReader.Read(format, stream).Individuals)
            {
                entries.Add(ToIndexed(entry, entries.Count + 1));
            }
        }

        return ([.. entries], ScreeningIndex.Build(entries));
    });

    [Fact]
    public void Search_EveryEvaluationPair_SameHitsAsBruteForce()
    {
        var queries = ReadPairs().Select(p => new ScreeningQuery(p.Second)).ToList();
        AssertSameAsBruteForce(queries);
    }

    [Fact]
    public void Search_VariantsOfListedNames_SameHitsAsBruteForce()
    {
        var (entries, _) = RealLists.Value;
        var random = new XorShift(20261123);
        var queries = new List<ScreeningQuery>();
        for (var i = 0; i < 40; i++)
        {
            var entry = entries[random.Below(entries.Length)];
            var name = entry.Names[random.Below(entry.Names.Count)].Name;
            var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            queries.Add(new ScreeningQuery(name.ToLowerInvariant()));
            queries.Add(new ScreeningQuery(Typo(name, random)));
            if (words.Length > 1)
            {
                queries.Add(new ScreeningQuery(string.Join(' ', words.Skip(1).Append(words[0]))));
            }

            if (words.Length > 2)
            {
                queries.Add(new ScreeningQuery(string.Join(' ', words.Where((_, k) => k != 1))));
            }

            // With a birth date and a nationality, candidates down to threshold − 0.07 must be scored.
            var birth = entry.BirthDates.Count > 0 ? entry.BirthDates[0] : new BirthDate(1970);
            queries.Add(new ScreeningQuery(Typo(name, random), birth, entry.Nationalities.Count > 0 ? entry.Nationalities[0] : "IRQ"));
        }

        AssertSameAsBruteForce(queries);
    }

    [Theory]
    [InlineData("Олег Колесников", "KOLESNIKOV, Oleg Alekseyevich")]
    [InlineData("Usama bin Laden", "BIN LADIN, Usama bin Muhammad bin Awad")]
    [InlineData("Усама бин Ладен", "BIN LADIN, Usama bin Muhammad bin Awad")]
    public void Search_TransliteratedOrOriginalScript_FindsListedPersonAndSaysWhichName(string query, string listed)
    {
        var (entries, index) = RealLists.Value;
        var expected = entries.Single(e => e.Names.Any(n => n.Name == listed));

        var hit = Assert.Single(index.Search(new ScreeningQuery(query), Threshold), h => h.EntryId == expected.EntryId);

        Assert.Equal(listed, hit.MatchedName);
        Assert.Equal("Primary", hit.MatchedKind);
        Assert.Equal($"primary name matched: {listed}", hit.Reasons[0]);
        Assert.Contains(hit.Alignments, a => a.Rule is MatchRule.OriginalScript or MatchRule.Transliteration);
    }

    [Fact]
    public void Search_AliasMatched_ReasonNamesTheAlias()
    {
        var index = ScreeningIndex.Build([Person(1, ["Abdul Karim Haddad", "Abu Yasin al-Haddadi"])]);

        var hit = Assert.Single(index.Search(new ScreeningQuery("Abu Yasin al Hadadi"), Threshold));

        Assert.Equal("Abu Yasin al-Haddadi", hit.MatchedName);
        Assert.Equal("Alias", hit.MatchedKind);
        Assert.Equal("Abdul Karim Haddad", hit.PrimaryName);
        Assert.Equal("alias matched: Abu Yasin al-Haddadi", hit.Reasons[0]);
    }

    [Fact]
    public void Search_BirthDateAndNationality_RaiseAndLowerTheScore()
    {
        var listed = Person(7, ["Ivan Petrov"], [new BirthDate(1970, 5, 1)], ["RUS"]);
        var index = ScreeningIndex.Build([listed, Person(8, ["Ivan Petrov"], [new BirthDate(1944)], ["UKR"])]);
        const string name = "Ivan Petrovski";
        var nameScore = NameMatcher.Compare(name, "Ivan Petrov").Score;

        // Just above the name score: only an agreeing birth date and nationality make a hit.
        var threshold = nameScore + 0.03;
        Assert.Empty(index.Search(new ScreeningQuery(name), threshold));
        var lifted = Assert.Single(index.Search(new ScreeningQuery(name, new BirthDate(1970, 5, 1), "RUS"), threshold));
        Assert.Equal(7, lifted.EntryId);
        Assert.Equal(nameScore, lifted.NameScore);
        Assert.Equal(Math.Round(nameScore + 0.07, 4), lifted.Score);
        Assert.Contains("birth date matches exactly (+0.05)", lifted.Reasons);
        Assert.Contains("nationality matches (+0.02)", lifted.Reasons);

        // Below the name score: a birth year far off and another nationality lower it under the threshold.
        threshold = nameScore - 0.1;
        Assert.Equal(2, index.Search(new ScreeningQuery(name), threshold).Count);
        var lowered = index.Search(new ScreeningQuery(name, new BirthDate(1990), "FRA"), threshold);
        Assert.Empty(lowered);
        var one = Assert.Single(index.Search(new ScreeningQuery(name, new BirthDate(1944), "FRA"), threshold));
        Assert.Equal(8, one.EntryId);
        Assert.Equal(Math.Round(nameScore + 0.02 - 0.05, 4), one.Score);
        Assert.Contains("birth date agrees as far as known (+0.02)", one.Reasons);
        Assert.Contains("nationality differs (-0.05)", one.Reasons);
    }

    [Fact]
    public void Search_FromSeveralThreads_SameAnswersAsOneThread()
    {
        var (entries, index) = RealLists.Value;
        var queries = entries.Where((_, i) => i % 97 == 0).Select(e => new ScreeningQuery(e.Names[0].Name)).ToList();
        var expected = queries.Select(q => Describe(index.Search(q, Threshold))).ToList();

        var answers = new ConcurrentBag<(int Query, string Hits)>();
        var threads = Enumerable.Range(0, 6).Select(t => new Thread(() =>
        {
            for (var k = 0; k < queries.Count; k++)
            {
                var i = (k + (t * 7)) % queries.Count;
                answers.Add((i, Describe(index.Search(queries[i], Threshold))));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(6 * queries.Count, answers.Count);
        Assert.All(answers, a => Assert.Equal(expected[a.Query], a.Hits));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234 5678")]
    [InlineData("-- , ..")]
    public void Search_NameWithoutLetters_NoHits(string name)
    {
        var (_, index) = RealLists.Value;

        Assert.Empty(index.Search(new ScreeningQuery(name), Threshold));
        Assert.Empty(index.SearchBruteForce(new ScreeningQuery(name), Threshold));
    }

    [Fact]
    public void Search_MaxHits_ReturnsTheBestInOrder()
    {
        var (_, index) = RealLists.Value;
        var query = new ScreeningQuery("Muhammad Ali");
        var all = index.SearchBruteForce(query, Threshold, 1000);
        Assert.True(all.Count > 5, $"only {all.Count} hits");

        var five = index.Search(query, Threshold, 5);

        Assert.Equal(all.Take(5).Select(h => (h.EntryId, h.Score)), five.Select(h => (h.EntryId, h.Score)));
        Assert.True(five.Zip(five.Skip(1)).All(p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.EntryId < p.Second.EntryId)));
        Assert.Empty(index.Search(query, Threshold, 0));
    }

    [Fact]
    public void Build_ReportsEntriesProcessedAndCounts()
    {
        var entries = Enumerable.Range(1, 40_000).Select(i => Person(i, [$"Person{Letters(i)} Family{Letters(i * 7)}"])).ToList();
        var reports = new List<int>();

        var index = ScreeningIndex.Build(entries, new RecordingProgress(reports));

        Assert.Equal(40_000, index.Entries);
        Assert.Equal(40_000, index.Names);
        Assert.True(reports.Count >= 2, $"{reports.Count} reports");
        Assert.Equal(40_000, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    private static void AssertSameAsBruteForce(List<ScreeningQuery> queries)
    {
        var (_, index) = RealLists.Value;
        var differences = new ConcurrentBag<string>();
        var hits = 0;
        Parallel.ForEach(queries, query =>
        {
            var viaIndex = index.Search(query, Threshold);
            var bruteForce = index.SearchBruteForce(query, Threshold);
            Interlocked.Add(ref hits, bruteForce.Count);
            if (Describe(viaIndex) != Describe(bruteForce))
            {
                differences.Add($"{query.Name}\n  index: {Describe(viaIndex)}\n  brute: {Describe(bruteForce)}");
            }
        });

        Assert.True(hits > queries.Count, $"{hits} hits for {queries.Count} queries");
        Assert.True(differences.IsEmpty, $"{differences.Count} of {queries.Count} queries differ:\n{string.Join('\n', differences.Take(10))}");
    }

    private static string Describe(IReadOnlyList<WatchlistHit> hits) =>
        string.Join(", ", hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.EntryId}:{h.Score}:{h.MatchedName}")));

    private static IndexedEntry Person(long id, string[] names, BirthDate[]? births = null, string[]? nationalities = null) =>
        new(id, "test", id.ToString(CultureInfo.InvariantCulture), names.Select((n, i) => new IndexedName(n, i == 0 ? "Primary" : "Alias")).ToList(), births ?? [], nationalities ?? []);

    private static IndexedEntry ToIndexed(ParsedWatchlistEntry entry, long id)
    {
        var names = new List<IndexedName> { new(entry.PrimaryName, "Primary") };
        names.AddRange(entry.Aliases.Select(a => new IndexedName(a.Name, "Alias", a.Quality.ToString())));
        names.AddRange(entry.OriginalScriptNames.Select(n => new IndexedName(n, "OriginalScript")));
        var births = entry.BirthDates.Select(d => new BirthDate(d.FromYear, d.IsRange ? null : d.Month, d.IsRange ? null : d.Day)).ToList();
        return new IndexedEntry(id, entry.SourceList, entry.SourceId, names, births, entry.Nationalities.Select(n => n.Alpha3 ?? n.Text).ToList());
    }

    // One edit never on the first letter: a deletion, a doubling or two neighbours swapped.
    private static string Typo(string name, XorShift random)
    {
        var at = Enumerable.Range(1, Math.Max(0, name.Length - 2)).Where(i => char.IsLetter(name[i]) && char.IsLetter(name[i - 1]) && char.IsLetter(name[i + 1])).ToList();
        if (at.Count == 0)
        {
            return name;
        }

        var i = at[random.Below(at.Count)];
        var text = new StringBuilder(name);
        switch (random.Below(3))
        {
            case 0:
                text.Remove(i, 1);
                break;
            case 1:
                text.Insert(i, name[i]);
                break;
            default:
                (text[i], text[i + 1]) = (text[i + 1], text[i]);
                break;
        }

        return text.ToString();
    }

    private static string Letters(int n)
    {
        var text = new StringBuilder();
        for (var k = 0; k < 4; k++)
        {
            text.Append((char)('a' + (n % 26)));
            n /= 26;
        }

        return text.ToString();
    }

    private static List<(string First, string Second)> ReadPairs([CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "..", "Matching", "evaluation-pairs.csv");
        return File.ReadAllLines(path, Encoding.UTF8).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var fields = SplitCsv(l);
            return (fields[0], fields[1]);
        }).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>(4);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private sealed class RecordingProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }

    // A deterministic generator for test data (xorshift64).
    private sealed class XorShift(ulong seed)
    {
        private ulong state = seed;

        public int Below(int n)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return (int)(state % (ulong)n);
        }
    }
}
