using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Tests.Documents.Mrz;

public sealed class MrzGeneratorTests
{
    private static readonly MrzData Anna = new()
    {
        DocumentCode = "P",
        IssuingState = "UTO",
        Surname = "Eriksson",
        GivenNames = "Anna María",
        DocumentNumber = "L898902C3",
        Nationality = "UTO",
        BirthDate = "740812",
        Sex = "F",
        ExpiryDate = "120415",
        OptionalData = "ZE184226B",
    };

    private static readonly MrzData Peter = new()
    {
        DocumentCode = "I",
        IssuingState = "UTO",
        Surname = "Stevenson",
        GivenNames = "Peter John",
        DocumentNumber = "D23145890734",
        Nationality = "UTO",
        BirthDate = "340712",
        Sex = "M",
        ExpiryDate = "950712",
    };

    [Fact]
    public void Generate_IcaoTd3Specimen_GivesThePublishedZone()
    {
        Assert.Equal(
            ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
            MrzGenerator.Generate(MrzFormat.TD3, Anna));
    }

    [Fact]
    public void Generate_Td3WithoutPersonalNumber_PutsAFillerForItsCheckDigit()
    {
        var data = new MrzData
        {
            DocumentCode = "P",
            IssuingState = "D",
            Surname = "Mustermann",
            GivenNames = "Erika",
            DocumentNumber = "C01X0006H",
            Nationality = "D",
            BirthDate = "640812",
            Sex = "F",
            ExpiryDate = "171031",
        };

        Assert.Equal(
            ["P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0"],
            MrzGenerator.Generate(MrzFormat.TD3, data));
    }

    [Fact]
    public void Generate_IcaoTd1Specimen_GivesThePublishedZone()
    {
        var data = Anna with { DocumentCode = "I", DocumentNumber = "D23145890", OptionalData = "" };

        Assert.Equal(
            ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"],
            MrzGenerator.Generate(MrzFormat.TD1, data));
    }

    [Fact]
    public void Generate_IcaoTd2Specimen_GivesThePublishedZone()
    {
        var data = Anna with { DocumentCode = "I", DocumentNumber = "D23145890", OptionalData = "" };

        Assert.Equal(
            ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"],
            MrzGenerator.Generate(MrzFormat.TD2, data));
    }

    [Fact]
    public void Generate_IcaoVisaSpecimens_GiveThePublishedZones()
    {
        var data = Anna with
        {
            DocumentCode = "V",
            DocumentNumber = "L8988901C",
            Nationality = "XXX",
            BirthDate = "400907",
            ExpiryDate = "961210",
            OptionalData = "6ZE184226B",
        };

        Assert.Equal(
            ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"],
            MrzGenerator.Generate(MrzFormat.MRVA, data));
        Assert.Equal(
            ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"],
            MrzGenerator.Generate(MrzFormat.MRVB, data with { OptionalData = "" }));
    }

    [Fact]
    public void Generate_Td1LongDocumentNumber_ContinuesInTheOptionalData()
    {
        Assert.Equal(
            ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"],
            MrzGenerator.Generate(MrzFormat.TD1, Peter));
    }

    [Fact]
    public void Generate_Td2LongDocumentNumber_ContinuesInTheOptionalData()
    {
        Assert.Equal(
            ["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8"],
            MrzGenerator.Generate(MrzFormat.TD2, Peter));
    }

    [Fact]
    public void Generate_PortugueseCard_TruncatesTheGivenNamesLikeTheIssuer()
    {
        var data = new MrzData
        {
            DocumentCode = "I",
            IssuingState = "PRT",
            Surname = "Caçador de Araújo",
            GivenNames = "André Estêvão",
            DocumentNumber = "007777779ZZ9",
            Nationality = "PRT",
            BirthDate = "830314",
            Sex = "M",
            ExpiryDate = "340528",
        };

        Assert.Equal(
            ["I<PRT007777779<ZZ92<<<<<<<<<<<", "8303143M3405282PRT<<<<<<<<<<<2", "CACADOR<DE<ARAUJO<<ANDRE<ESTEV"],
            MrzGenerator.Generate(MrzFormat.TD1, data));
    }

    [Theory]
    [InlineData(MrzFormat.TD3)]
    [InlineData(MrzFormat.MRVA)]
    [InlineData(MrzFormat.MRVB)]
    public void Generate_DocumentNumberLongerThanNineWithoutContinuation_Throws(MrzFormat format)
    {
        var data = Peter with { DocumentCode = format == MrzFormat.TD3 ? "P" : "V" };

        var exception = Assert.Throws<ArgumentException>(() => MrzGenerator.Generate(format, data));

        Assert.Equal("data", exception.ParamName);
    }

    [Fact]
    public void Generate_Td2NumberAndOptionalDataTooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => MrzGenerator.Generate(MrzFormat.TD2, Peter with { OptionalData = "ABCD" }));
    }

    [Theory]
    [InlineData("IssuingState", "BOS")]
    [InlineData("Nationality", "utO")]
    [InlineData("BirthDate", "741312")]
    [InlineData("ExpiryDate", "12041")]
    [InlineData("Sex", "Q")]
    [InlineData("DocumentCode", "I")]
    [InlineData("DocumentNumber", "l898902c3")]
    [InlineData("OptionalData", "ZE-184226")]
    [InlineData("OptionalData2", "X")]
    [InlineData("Surname", "李")]
    public void Generate_FieldTheZoneCannotHold_Throws(string field, string value)
    {
        var data = field switch
        {
            "IssuingState" => Anna with { IssuingState = value },
            "Nationality" => Anna with { Nationality = value },
            "BirthDate" => Anna with { BirthDate = value },
            "ExpiryDate" => Anna with { ExpiryDate = value },
            "Sex" => Anna with { Sex = value },
            "DocumentCode" => Anna with { DocumentCode = value },
            "DocumentNumber" => Anna with { DocumentNumber = value },
            "OptionalData" => Anna with { OptionalData = value },
            "OptionalData2" => Anna with { OptionalData2 = value },
            _ => Anna with { Surname = value },
        };

        Assert.Throws<ArgumentException>(() => MrzGenerator.Generate(MrzFormat.TD3, data));
    }

    [Fact]
    public void Generate_CyrillicNames_TransliteratesThem()
    {
        var lines = MrzGenerator.Generate(MrzFormat.TD3, Anna with { Surname = "Щербакова", GivenNames = "Жанна" });

        Assert.StartsWith("P<UTOSHCHERBAKOVA<<ZHANNA<<<", lines[0], StringComparison.Ordinal);
        Assert.True(MrzParser.Parse(lines).Valid);
    }
}
