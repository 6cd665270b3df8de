using Chancery.Core.Options;
using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Tests.Screening.Matching;

public sealed class NameMatcherTests
{
    private static readonly double Threshold = new ScreeningOptions().MatchThreshold;

    [Theory]
    [InlineData("José Müller", "JOSE MUELLER")]
    [InlineData("François Lefèvre", "Francois Lefevre")]
    [InlineData("Łukasz Wałęsa", "Lukasz Walesa")]
    [InlineData("Ærøskøbing Þórunn", "Aeroeskoebing Thorunn")]
    public void Compare_DiacriticsAndLigatures_Match(string first, string second) =>
        AssertMatch(first, second, MatchRule.Diacritics);

    [Theory]
    [InlineData("Иванов Евгений", "Ivanov Yevgeny")]
    [InlineData("Хрущёв Никита", "Khrushchev Nikita")]
    [InlineData("Жанна Щербакова", "Zhanna Shcherbakova")]
    public void Compare_CyrillicOriginalAgainstLatin_Match(string first, string second) =>
        AssertMatch(first, second, MatchRule.OriginalScript);

    [Theory]
    [InlineData("Evgenii Ivanov", "Jewgeni Iwanow")]
    [InlineData("Yevgeny Ivanov", "Evgueni Ivanoff")]
    [InlineData("Nikita Khrushchev", "Nikita Chruschtschow")]
    [InlineData("Yelena Petrova", "Jelena Petrowa")]
    public void Compare_CyrillicRomanisations_Match(string first, string second) =>
        AssertMatch(first, second);

    [Theory]
    [InlineData("عبدالخالق الحوثي", "Abd al-Khaliq al-Huthi")]
    [InlineData("عبد الله عزام", "Abdullah Azzam")]
    [InlineData("محمد يوسف", "Mohammed Yusuf")]
    [InlineData("حسين علي", "Hussein Ali")]
    public void Compare_ArabicScriptAgainstLatin_Match(string first, string second) =>
        AssertMatch(first, second, MatchRule.OriginalScript);

    [Theory]
    [InlineData("Mohammed Hassan", "Muhammad Hasan")]
    [InlineData("Mohamed Hassan", "Mohamad Hassan")]
    [InlineData("Yusuf Hussein", "Youssef Husayn")]
    [InlineData("Yousef Hussain", "Yusuf Hussein")]
    [InlineData("Abdel Rahman Khalil", "Abd al-Rahman Khalil")]
    [InlineData("Abdul Rahman Khalil", "Abdulrahman Khalil")]
    [InlineData("Osama bin Laden", "Usama bin Ladin")]
    [InlineData("Jalaluddin Haqqani", "Jalal al-Din Haqqani")]
    public void Compare_ArabicRomanisations_Match(string first, string second) =>
        AssertMatch(first, second);

    [Fact]
    public void Compare_WordOrderAndParticles_Match()
    {
        var comparison = AssertMatch("AL BEN ALI, Isa", "Isa Ben Ali");
        Assert.Contains("word order differs", comparison.Reasons);
        Assert.Contains(comparison.Reasons, r => r.StartsWith("particle dropped: AL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ayman al-Zawahiri", "Ayman Muhammad Rabi al-Zawahiri")]
    [InlineData("Viktor Bout", "Viktor Anatolyevich Bout")]
    public void Compare_MissingMiddleNames_Match(string first, string second)
    {
        var comparison = AssertMatch(first, second);
        Assert.Contains(comparison.Reasons, r => r.StartsWith("missing part:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("J. Smith", "John Smith")]
    [InlineData("V. A. Bout", "Viktor Anatolyevich Bout")]
    public void Compare_Initials_Match(string first, string second) =>
        AssertMatch(first, second, MatchRule.Initial);

    [Theory]
    [InlineData("Al-Qaida Network", "Alqaida Network")]
    [InlineData("Abu Bakr Baghdadi", "Abubakr al-Baghdadi")]
    [InlineData("Ludwig van Beethoven", "Ludwig Beethoven")]
    [InlineData("Hassan al-Turabi", "Hassan Alturabi")]
    public void Compare_ParticlesOptionalOrAttached_Match(string first, string second) =>
        AssertMatch(first, second);

    [Theory]
    [InlineData("Vladimir Putin", "Vladimir Ptuin")]
    [InlineData("Alexander Lukashenko", "Alexandr Lukashenka")]
    [InlineData("Ramzan Kadyrov", "Ramzan Kadyrow")]
    public void Compare_Typos_Match(string first, string second) =>
        AssertMatch(first, second);

    [Theory]
    [InlineData("Mohammed Hassan", "Mohammed Yusuf")]
    [InlineData("Mohammed Ali", "Ali")]
    [InlineData("Kim Chol Sam", "Kim Sok Chol")]
    [InlineData("Amer Foz", "Samer Foz")]
    [InlineData("Rima Baker", "Rami Baker")]
    [InlineData("HASSAN, Ali", "ALI, Hassan")]
    [InlineData("Ali Hassan al-Majid", "Hussein Kamel al-Majid")]
    public void Compare_DifferentPeople_DoNotMatch(string first, string second)
    {
        var comparison = NameMatcher.Compare(first, second);
        Assert.True(comparison.Score < Threshold, $"{first} / {second}: {comparison.Score} {string.Join("; ", comparison.Reasons)}");
        Assert.NotEmpty(comparison.Reasons);
    }

    [Fact]
    public void Compare_SwappedFamilyAndGivenNames_SaysSo()
    {
        var comparison = NameMatcher.Compare("HASSAN, Ali", "ALI, Hassan");
        Assert.Contains(comparison.Reasons, r => r.StartsWith("family and given names swapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_IdenticalNames_ScoreOne()
    {
        var comparison = NameMatcher.Compare("Viktor Bout", "VIKTOR BOUT");
        Assert.Equal(1.0, comparison.Score);
        Assert.All(comparison.Alignments, a => Assert.Equal(MatchRule.Exact, a.Rule));
    }

    [Theory]
    [InlineData("", "John Smith")]
    [InlineData("123 !!", "John Smith")]
    [InlineData("\uD800", "John")]
    public void Compare_NoLetters_ScoreZeroWithReason(string first, string second)
    {
        var comparison = NameMatcher.Compare(first, second);
        Assert.Equal(0, comparison.Score);
        Assert.NotEmpty(comparison.Reasons);
    }

    [Fact]
    public void Compare_IsSymmetric_OnExamples()
    {
        string[] names = ["AL BEN ALI, Isa", "Isa Ben Ali", "Mohammed Hassan", "Muhammad Hasan", "عبد الله عزام", "Abdullah Azzam", "J. Smith", "John Smith"];
        foreach (var a in names)
        {
            foreach (var b in names)
            {
                Assert.Equal(NameMatcher.Compare(a, b).Score, NameMatcher.Compare(b, a).Score, 3);
            }
        }
    }

    [Fact]
    public void ScoreWithContext_ExactBirthDate_RaisesScore()
    {
        var result = NameMatcher.ScoreWithContext(0.86, new BirthDate(1951, 6, 19), [new BirthDate(1951, 6, 19)], null, []);
        Assert.Equal(0.91, result.Score, 3);
        Assert.Contains(result.Reasons, r => r.Contains("exactly", StringComparison.Ordinal));
    }

    [Fact]
    public void ScoreWithContext_BirthYearFarFromEveryListedDate_LowersScore()
    {
        var result = NameMatcher.ScoreWithContext(0.9, new BirthDate(1990), [new BirthDate(1951), new BirthDate(1953, 2)], null, []);
        Assert.Equal(0.75, result.Score, 3);
        Assert.Contains(result.Reasons, r => r.Contains("differs by 37 years", StringComparison.Ordinal));
    }

    [Fact]
    public void ScoreWithContext_BirthYearWithinTwoYears_Unchanged()
    {
        var result = NameMatcher.ScoreWithContext(0.9, new BirthDate(1953, 4, 1), [new BirthDate(1951)], null, []);
        Assert.Equal(0.9, result.Score, 3);
    }

    [Fact]
    public void ScoreWithContext_Nationality_RaisesOrLowers()
    {
        Assert.Equal(0.92, NameMatcher.ScoreWithContext(0.9, null, [], "EGY", ["egy", "SDN"]).Score, 3);
        Assert.Equal(0.85, NameMatcher.ScoreWithContext(0.9, null, [], "FRA", ["EGY"]).Score, 3);
        Assert.Equal(0.9, NameMatcher.ScoreWithContext(0.9, null, [], null, ["EGY"]).Score, 3);
    }

    [Fact]
    public void ScoreWithContext_StaysInRange()
    {
        Assert.Equal(1.0, NameMatcher.ScoreWithContext(0.99, new BirthDate(1951, 6, 19), [new BirthDate(1951, 6, 19)], "EGY", ["EGY"]).Score);
        Assert.Equal(0.0, NameMatcher.ScoreWithContext(0.1, new BirthDate(1990), [new BirthDate(1951)], "FRA", ["EGY"]).Score);
    }

    private static NameComparison AssertMatch(string first, string second, MatchRule? expectedRule = null)
    {
        var comparison = NameMatcher.Compare(first, second);
        var explained = $"{first} / {second}: {comparison.Score} {string.Join("; ", comparison.Reasons)}";
        Assert.True(comparison.Score >= Threshold, explained);
        Assert.NotEmpty(comparison.Reasons);
        Assert.NotEmpty(comparison.Alignments);
        if (expectedRule is { } rule)
        {
            Assert.True(comparison.Alignments.Any(a => a.Rule == rule), $"expected rule {rule}: {explained}");
        }

        return comparison;
    }
}
