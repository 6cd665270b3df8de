using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Tests.Screening.Matching;

public sealed class NameKeysTests
{
    [Fact]
    public void For_ArabicRomanisations_ShareThePhoneticKey()
    {
        string[] spellings = ["Mohammed", "Muhammad", "Mohamed", "Mohamad", "محمد"];
        var keys = spellings.Select(s => Assert.Single(NameKeys.For(s)).PhoneticKey).Distinct().ToList();
        Assert.Single(keys);
    }

    [Fact]
    public void For_CyrillicRomanisations_ShareThePhoneticKey()
    {
        string[] spellings = ["Ivanov", "Ivanoff", "Iwanow", "Иванов"];
        Assert.Single(spellings.Select(s => Assert.Single(NameKeys.For(s)).PhoneticKey).Distinct());
        string[] given = ["Yevgeny", "Evgenii", "Jewgeni", "Евгений"];
        Assert.Single(given.Select(s => Assert.Single(NameKeys.For(s)).PhoneticKey).Distinct());
    }

    [Fact]
    public void For_Name_GivesTokensKindsAndPaddedTrigrams()
    {
        var keys = NameKeys.For("Dr. Abd al-Rahman AL HUTHI");
        Assert.Equal(["DR", "ABDRAHMAN", "AL", "HUTHI"], keys.Select(k => k.Text));
        Assert.Equal([NameTokenKind.Title, NameTokenKind.Name, NameTokenKind.Particle, NameTokenKind.Name], keys.Select(k => k.Kind));
        Assert.Equal(["_HU", "HUT", "UTI", "TI_"], keys[3].Trigrams);
    }

    [Fact]
    public void For_AbdCompoundsInEverySpelling_GiveOneToken()
    {
        string[] spellings = ["Abdul Rahman", "Abdel Rahman", "Abd al-Rahman", "Abdulrahman", "ABD-AL-RAHMAN", "عبد الرحمن"];
        foreach (var spelling in spellings)
        {
            Assert.Single(NameKeys.For(spelling));
        }
    }

    [Fact]
    public void For_NoLetters_IsEmpty() => Assert.Empty(NameKeys.For(" 1234 -- "));
}
