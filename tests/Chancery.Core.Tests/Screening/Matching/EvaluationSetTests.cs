using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Chancery.Core.Options;
using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Tests.Screening.Matching;

// The labelled evaluation set (make_evaluation_pairs.py, docs/name-matching.md). The floors are
// the figures recorded in docs/benchmarks.md: a change that lowers them must change them there and say why.
public sealed partial class EvaluationSetTests
{
    [Fact]
    public void EvaluationSet_AtConfiguredThreshold_MeetsRecordedPrecisionAndRecall()
    {
        var threshold = new ScreeningOptions().MatchThreshold;
        var (recordedPairs, recordedThreshold, precisionFloor, recallFloor) = RecordedFigures();
        Assert.Equal(threshold, recordedThreshold);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var misses = new StringBuilder();
        var pairs = ReadPairs();
        foreach (var (first, second, isMatch, category) in pairs)
        {
            var comparison = NameMatcher.Compare(first, second);
            var hit = comparison.Score >= threshold;
            if (hit)
            {
                Assert.NotEmpty(comparison.Alignments);
                Assert.NotEmpty(comparison.Reasons);
            }

            truePositives += hit && isMatch ? 1 : 0;
            falsePositives += hit && !isMatch ? 1 : 0;
            falseNegatives += !hit && isMatch ? 1 : 0;
            if (hit != isMatch)
            {
                misses.AppendLine(CultureInfo.InvariantCulture, $"{category}: {first} / {second} = {comparison.Score}");
            }
        }

        var precision = (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / (truePositives + falseNegatives);
        Assert.True(pairs.Count >= 400, $"only {pairs.Count} pairs");
        Assert.Equal(recordedPairs, pairs.Count);
        // The document gives three decimals: compare at that precision.
        Assert.True(Math.Round(precision, 3) >= precisionFloor && Math.Round(recall, 3) >= recallFloor, $"precision {precision:0.000}, recall {recall:0.000}\n{misses}");
    }

    [Fact]
    public void EvaluationSet_CoversEveryCategory()
    {
        var categories = ReadPairs().GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Count());
        string[] expected =
        [
            "case-diacritics", "transliteration-arabic", "transliteration-cyrillic", "original-script-arabic", "original-script-cyrillic",
            "reordering", "dropped-middle-name", "initials", "particle", "merged-parts", "phonetic", "typo", "listed-alias",
            "same-given-name", "shared-surname", "swapped-given-family", "similar-different",
        ];
        Assert.All(expected, c => Assert.True(categories.GetValueOrDefault(c) >= 30, $"{c}: {categories.GetValueOrDefault(c)}"));
    }

    [GeneratedRegex(@"Evaluation set \((\d+) pairs, threshold ([0-9.]+)\): precision ([0-9.]+), recall ([0-9.]+)")]
    private static partial Regex RecordedLine();

    // The line docs/benchmarks.md records, e.g. "Evaluation set (760 pairs, threshold 0.85): precision 0.998, recall 0.969".
    private static (int Pairs, double Threshold, double Precision, double Recall) RecordedFigures([CallerFilePath] string here = "")
    {
        var docs = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "..", "docs", "benchmarks.md"));
        var match = RecordedLine().Match(File.ReadAllText(docs));
        Assert.True(match.Success, $"{docs} has no line 'Evaluation set (N pairs, threshold T): precision P, recall R'.");
        double D(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), D(2), D(3), D(4));
    }

    private static List<(string First, string Second, bool IsMatch, string Category)> ReadPairs([CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "evaluation-pairs.csv");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.Equal("name1,name2,is_match,category", lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var fields = SplitCsv(l);
            return (fields[0], fields[1], fields[2] == "1", fields[3]);
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
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
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
}
