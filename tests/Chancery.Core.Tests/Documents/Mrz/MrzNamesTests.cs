using Chancery.Core.Documents.Mrz;
using CsCheck;

namespace Chancery.Core.Tests.Documents.Mrz;

public sealed class MrzNamesTests
{
    [Theory]
    [InlineData("Müller", "MUELLER")]
    [InlineData("Mu\u0308ller", "MUELLER")] // decomposed ü
    [InlineData("Жанна Щербакова", "ZHANNA<SHCHERBAKOVA")]
    [InlineData("O'Connor", "OCONNOR")]
    [InlineData("O’Connor", "OCONNOR")]
    [InlineData("Françoise", "FRANCOISE")]
    [InlineData("Española", "ESPANOLA")]
    [InlineData("Jean-Pierre", "JEAN<PIERRE")]
    [InlineData("Smith, John", "SMITH<JOHN")]
    [InlineData("  van  der   Berg ", "VAN<DER<BERG")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Ångström", "AANGSTROEM")]
    [InlineData("Ærøskøbing", "AEROESKOEBING")]
    [InlineData("Þórunn", "THORUNN")]
    [InlineData("Œuvre", "OEUVRE")]
    [InlineData("Ĳsselmeer", "IJSSELMEER")]
    [InlineData("Łukasz Wałęsa", "LUKASZ<WALESA")]
    [InlineData("Đorđević", "DORDEVIC")]
    [InlineData("Dvořák Čapek Ščerbová", "DVORAK<CAPEK<SCERBOVA")]
    [InlineData("Ferenc Erdős", "FERENC<ERDOS")]
    [InlineData("Хрущёв", "KHRUSHCHEV")]
    [InlineData("Цой", "TSOI")]
    [InlineData("Чайковский", "CHAIKOVSKII")]
    [InlineData("Юлия Янковская", "IULIIA<IANKOVSKAIA")]
    [InlineData("Объедков", "OBIEEDKOV")] // Ъ → IE, then Е → E
    [InlineData("Игорь", "IGOR")]
    [InlineData("Быков", "BYKOV")]
    [InlineData("Євген Ґалаґан", "IEVGEN<GALAGAN")]
    [InlineData("Їжак Іван", "IZHAK<IVAN")]
    [InlineData("Ўладзімір", "ULADZIMIR")]
    [InlineData("Љубиша Њего Џаја Ђорђе Ћирић", "LJUBISHA<NJEGO<DZAJA<DORDE<CIRIC")]
    [InlineData("ERIKSSON<ANNA", "ERIKSSON<ANNA")]
    [InlineData("Anne-Marie 2nd", "ANNE<MARIE<ND")]
    [InlineData("李小龍", "")]
    [InlineData("", "")]
    public void ToMrz_Name_GivesDoc9303Transliteration(string name, string expected)
    {
        Assert.Equal(expected, MrzNames.ToMrz(name));
    }

    [Fact]
    public void ToMrz_AnyText_NeverThrowsAndGivesOnlyWordsOfMrzLetters()
    {
        var text = Gen.Char.Array[0, 40].Select(chars => new string(chars));
        var mixed = Gen.OneOf(
            text,
            Gen.Char["aäbcçdđeéfgğhiıjklłmnñoöøpqrsßštuüvwxyzþæœ -',.’АБЖЩЪЬЮЯЇЄҐЎ\u0301\uD800\uDC00😀"].Array[0, 40].Select(chars => new string(chars)));

        mixed.Sample(name =>
        {
            var mrz = MrzNames.ToMrz(name);
            Assert.All(mrz, c => Assert.True(c is (>= 'A' and <= 'Z') or '<', $"'{c}' in {mrz}"));
            Assert.False(mrz.StartsWith('<') || mrz.EndsWith('<') || mrz.Contains("<<", StringComparison.Ordinal), mrz);
        }, iter: 5_000);
    }

    [Theory]
    [InlineData("Eriksson", "Anna Maria", 39, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")]
    [InlineData("Stevenson", "", 30, "STEVENSON<<<<<<<<<<<<<<<<<<<<<")]
    // Given names are cut from the end first, every name keeping its initial.
    [InlineData("Nilavadhanananda", "Chayapa Dejthamrong Krasuang", 39, "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K")]
    [InlineData("Nilavadhanananda", "Chayapa Dejthamrong Krasuang", 30, "NILAVADHANANANDA<<CHAYAPA<DE<K")]
    [InlineData("Cacador de Araujo", "Andre Estevao", 30, "CACADOR<DE<ARAUJO<<ANDRE<ESTEV")]
    // Then the surname, once the given names are down to initials.
    [InlineData("Bennelong Woolloomooloo Warrandyte Warnambool", "Oliver John", 39, "BENNELONG<WOOLLOOMOOLOO<WARRANDYTE<<O<J")]
    [InlineData("Wolfeschlegelsteinhausenbergerdorff", "Hubert Blaine", 30, "WOLFESCHLEGELSTEINHAUSENB<<H<B")]
    public void FormatNameField_Name_FillsOrTruncatesToWidth(string surname, string givenNames, int width, string expected)
    {
        var field = MrzNames.FormatNameField(surname, givenNames, width);

        Assert.Equal(width, field.Length);
        Assert.Equal(expected, field);
    }

    [Fact]
    public void FormatNameField_SurnameCutOnASeparator_DropsTheFillerBeforeTheDoubleFiller()
    {
        // Cut to 27 characters the surname would end in the filler before BBB, giving <<<C.
        var field = MrzNames.FormatNameField(new string('A', 26) + " BBB", "Carl", 30);

        Assert.Equal(new string('A', 26) + "<<C<", field);
    }

    [Fact]
    public void FormatNameField_NoSurnameLetters_Throws()
    {
        Assert.Throws<ArgumentException>(() => MrzNames.FormatNameField("李", "Anna", 30));
    }

    [Fact]
    public void FormatNameField_AnyNames_KeepsWidthAndReadsBackAsPrefixes()
    {
        var word = Gen.Char['A', 'Z'].Array[1, 14].Select(chars => new string(chars));
        var words = word.Array[1, 5].Select(w => string.Join(' ', w));
        Gen.Select(words, words.Array[0, 1], Gen.OneOf(30, 31, 39))
            .Sample((surname, given, width) =>
            {
                var givenNames = given.Length == 0 ? "" : given[0];
                var field = MrzNames.FormatNameField(surname, givenNames, width);
                var read = MrzParser.Parse([$"P<UTO{field}".PadRight(44, '<')[..44], "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);

                Assert.Equal(width, field.Length);
                Assert.False(string.IsNullOrEmpty(read.Surname));
                Assert.StartsWith(read.Surname, surname, StringComparison.Ordinal);
            }, iter: 2_000);
    }
}
