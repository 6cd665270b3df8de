using Chancery.Core.Screening.Matching;
using CsCheck;

namespace Chancery.Core.Tests.Screening.Matching;

public sealed class NameMatcherPropertyTests
{
    // Letters from the scripts the matcher reads, separators, particles' letters, and noise
    // (digits, punctuation, combining marks, a lone surrogate).
    private const string Alphabet = "abcdeghijklmnoqrstuwyzAELMNOSTZ -,.'’ÄÖÜßéçñłøæœĳﬁабвгдежзийклмнопрстуфхцчшщъыьэюяعبدالرحمنمحمديوسفحسينةىءأإ0123456789\u0301\u064E\uD800";

    private static readonly Gen<string> Name = Gen.Char[Alphabet].Array[0, 40].Select(c => new string(c));

    [Fact]
    public void Compare_AnyText_ScoreInRangeWithReasons() =>
        Gen.Select(Name, Name).Sample((a, b) =>
        {
            var comparison = NameMatcher.Compare(a, b);
            return comparison.Score is >= 0 and <= 1 && comparison.Reasons.Count > 0 && comparison.Alignments.All(x => x.Similarity is >= 0 and <= 1);
        }, iter: 5_000);

    [Fact]
    public void Compare_NameWithItself_ScoresOne() =>
        Name.Sample(a =>
        {
            var comparison = NameMatcher.Compare(a, a);
            return PreparedName.Of(a).Tokens.Count == 0 ? comparison.Score == 0 : comparison.Score >= 0.999;
        }, iter: 5_000);

    [Fact]
    public void NameKeys_AnyText_KeysAreUpperCaseLetters() =>
        Name.Sample(a => NameKeys.For(a).All(k =>
            k.Text.Length > 0 && k.Text.All(char.IsAsciiLetterUpper) && k.Folded.All(char.IsAsciiLetterUpper) && k.PhoneticKey.All(char.IsAsciiLetterUpper) && k.Trigrams.Count > 0),
            iter: 5_000);
}
