using System.Globalization;
using System.Text.Json;
using Chancery.Core.Applications;
using Chancery.Core.Tests.Documents.Mrz;

namespace Chancery.Core.Tests.Applications;

public sealed class TravelDocumentFromMrzTests
{
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static readonly DateOnly Today = new(2026, 6, 1);

    public static TheoryData<int> Td3Specimens()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < MrzVectors.Items.Count; i++)
        {
            var item = MrzVectors.Items[i];
            if (item.GetProperty("format").GetString() == "TD3" && item.GetProperty("valid").GetBoolean() && item.TryGetProperty("fields", out _))
            {
                data.Add(i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Td3Specimens))]
    public void Read_Td3Specimen_FillsTheFields(int index)
    {
        var vector = MrzVectors.Items[index];
        var fields = vector.GetProperty("fields");
        var lines = vector.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();

        var result = TravelDocumentFromMrz.Read(string.Join('\n', lines), Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var read = result.Value;
        Assert.Equal(lines[0][..2].TrimEnd('<'), read.DocumentType);
        Assert.Equal(fields.GetProperty("document_number").GetString(), read.DocumentNumber);
        Assert.Equal(fields.GetProperty("surname").GetString(), read.Surname);
        Assert.Equal(fields.GetProperty("given_names").GetString(), read.GivenNames);
        Assert.Equal(fields.GetProperty("sex").GetString(), read.Sex);
        Assert.Equal(BirthDate(fields.GetProperty("birth_date").GetString()!), read.BirthDate);
        Assert.Equal(ExpiryDate(fields.GetProperty("expiry_date").GetString()!), read.ExpiryDate);
        Assert.Equal(Country(fields, "issuing_state") ?? lines[0][2..5], read.IssuingState);
        Assert.Equal(Country(fields, "nationality") ?? lines[1][10..13], read.Nationality);
        Assert.DoesNotContain(read.Warnings, w => w.Key.StartsWith("mrz.check.", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_IcaoSpecimen_FillsEveryFieldAndSaysItHasExpired()
    {
        var result = TravelDocumentFromMrz.Read($"{Line1}\n{Line2}", Today);

        Assert.True(result.IsSuccess);
        var read = result.Value;
        Assert.Equal(
            new TravelDocumentFields("P", "L898902C3", "UTO", "ERIKSSON", "ANNA MARIA", "UTO", "1974-08-12", "F", "2012-04-15", read.Warnings),
            read);
        Assert.Equal([new MrzWarning("mrz.expired", "The document expired on 2012-04-15.")], read.Warnings);
    }

    [Theory]
    [InlineData(9, "mrz.check.number", "The check digit of the document number is wrong: check the number.")]
    [InlineData(19, "mrz.check.birth-date", "The check digit of the date of birth is wrong: check the date of birth.")]
    [InlineData(27, "mrz.check.expiry-date", "The check digit of the expiry date is wrong: check the expiry date.")]
    [InlineData(42, "mrz.check.personal-number", "The check digit of the personal number is wrong: check the second line.")]
    [InlineData(43, "mrz.check.composite", "The composite check digit is wrong: check the lines you typed.")]
    public void Read_ChangedCheckDigit_FillsTheFieldsAndNamesTheWrongDigit(int position, string key, string message)
    {
        var changed = Line2[..position] + (char)('0' + ((Line2[position] - '0' + 1) % 10)) + Line2[(position + 1)..];

        var result = TravelDocumentFromMrz.Read($"{Line1}\n{changed}", Today);

        Assert.True(result.IsSuccess);
        var read = result.Value;
        Assert.Equal("L898902C3", read.DocumentNumber);
        Assert.Equal("ERIKSSON", read.Surname);
        Assert.Equal("1974-08-12", read.BirthDate);
        Assert.Equal("2012-04-15", read.ExpiryDate);
        Assert.Equal([new MrzWarning(key, message)], read.Warnings.Where(w => w.Key.StartsWith("mrz.check.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_MistypedDocumentNumber_KeepsWhatWasTypedAndWarns()
    {
        var result = TravelDocumentFromMrz.Read($"{Line1}\n{Line2.Replace("L898902C3", "L898902C8", StringComparison.Ordinal)}", Today);

        Assert.True(result.IsSuccess);
        Assert.Equal("L898902C8", result.Value.DocumentNumber);
        Assert.Equal(["mrz.check.number", "mrz.expired"], result.Value.Warnings.Select(w => w.Key));
    }

    [Theory]
    [InlineData($"{Line1} {Line2}")]
    [InlineData($"  {Line1}\r\n{Line2}\r\n  ")]
    [InlineData($"\t{Line1}\n\n   {Line2}\n")]
    [InlineData($"{Line1}{Line2}")]
    public void Read_PastedWithSpacesNewlinesOrNoBreak_ReadsTheLines(string pasted)
    {
        var result = TravelDocumentFromMrz.Read(pasted, Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("L898902C3", result.Value.DocumentNumber);
        Assert.Equal("ANNA MARIA", result.Value.GivenNames);
        Assert.DoesNotContain(result.Value.Warnings, w => w.Key.StartsWith("mrz.check.", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LowerCase_ReadsAsUpperCase()
    {
        var result = TravelDocumentFromMrz.Read($"{Line1.ToLowerInvariant()} {Line2.ToLowerInvariant()}", Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("L898902C3", result.Value.DocumentNumber);
        Assert.Equal("ERIKSSON", result.Value.Surname);
        Assert.Equal("UTO", result.Value.IssuingState);
    }

    [Fact]
    public void Read_LetterOTypedForZero_IsNotCorrected()
    {
        var result = TravelDocumentFromMrz.Read($"{Line1}\n{Line2.Replace("7408122", "74O8122", StringComparison.Ordinal)}", Today);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.BirthDate);
        Assert.Contains(result.Value.Warnings, w => w.Key == "mrz.check.birth-date");
        Assert.Contains(result.Value.Warnings, w => w.Key == "mrz.birth-date.invalid");
    }

    [Fact]
    public void Read_GermanPassport_GivesDeuForTheOneLetterCode()
    {
        var result = TravelDocumentFromMrz.Read(
            "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0", Today);

        Assert.True(result.IsSuccess);
        Assert.Equal("DEU", result.Value.IssuingState);
        Assert.Equal("DEU", result.Value.Nationality);
        Assert.Equal("1964-08-12", result.Value.BirthDate);
    }

    [Fact]
    public void Read_IdentityCardOfThreeLines_FillsTheFields()
    {
        var result = TravelDocumentFromMrz.Read(
            "IDCHEA1234567<6<<<<<<<<<<<<<<< 7510256M2009018CHE<<<<<<<<<<<8 SMITH<<JOHN<ALBERT<<<<<<<<<<<<", Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(
            new TravelDocumentFields("ID", "A1234567", "CHE", "SMITH", "JOHN ALBERT", "CHE", "1975-10-25", "M", "2020-09-01", result.Value.Warnings),
            result.Value);
    }

    [Fact]
    public void Read_Td2Document_FillsTheFields()
    {
        var result = TravelDocumentFromMrz.Read("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6", Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("D23145890", result.Value.DocumentNumber);
        Assert.Equal("I", result.Value.DocumentType);
    }

    [Fact]
    public void Read_CardWithoutExpiryDate_HasNoExpiryDate()
    {
        var result = TravelDocumentFromMrz.Read(
            "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F<<<<<<0UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<", Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Null(result.Value.ExpiryDate);
        Assert.Empty(result.Value.Warnings);
    }

    [Fact]
    public void Read_NameFillingTheWholeLine_WarnsItMayBeCutShort()
    {
        var result = TravelDocumentFromMrz.Read(
            "I<PRT007777779<ZZ92<<<<<<<<<<<\n8303143M3405282PRT<<<<<<<<<<<2\nCACADOR<DE<ARAUJO<<ANDRE<ESTEV", Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("ANDRE ESTEV", result.Value.GivenNames);
        Assert.Equal(["mrz.name.truncated"], result.Value.Warnings.Select(w => w.Key));
    }

    [Theory]
    [InlineData("991231", "1999-12-31")]
    [InlineData("250101", "2025-01-01")]
    [InlineData("260601", "2026-06-01")]
    [InlineData("260602", "1926-06-02")]
    [InlineData("270101", "1927-01-01")]
    public void Read_TwoDigitBirthYear_IsThePastCentury(string yymmdd, string expected)
    {
        var line2 = $"L898902C36UTO{yymmdd}{Digit(yymmdd)}F320415{Digit("320415")}<<<<<<<<<<<<<<<0";
        line2 = line2[..43] + Digit(line2[..10] + line2[13..20] + line2[21..43]);

        var result = TravelDocumentFromMrz.Read($"{Line1}\n{line2}", Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, result.Value.BirthDate);
        Assert.Equal("2032-04-15", result.Value.ExpiryDate);
        Assert.Empty(result.Value.Warnings);
    }

    [Fact]
    public void Read_UnspecifiedSex_IsX()
    {
        var result = TravelDocumentFromMrz.Read($"{Line1}\n{Line2[..20]}<{Line2[21..]}", Today);

        Assert.True(result.IsSuccess);
        Assert.Equal("X", result.Value.Sex);
    }

    [Theory]
    [InlineData("", "2 lines of 44 characters for a passport")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA", "The text has 1 line of 25 characters")]
    [InlineData("hello world", "The text has 2 lines of 5, 5 characters")]
    [InlineData($"{Line1}\nL898902C36UTO7408122F1204159ZE184226B<<<<<1", "The text has 2 lines of 44, 43 characters")]
    [InlineData($"{Line1}\nL898902C36UTO7408122F1204159ZE184226B<<<<<1", "2 lines of 44 characters for a passport")]
    [InlineData("P<UTOERIKSSON<<ANNA MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "The text has 3 lines of 19, 24, 44 characters")]
    [InlineData("P«UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "Line 1 has '«' (U+00AB) at position 2")]
    [InlineData("P<UTOÉRIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "position 6")]
    public void Read_TextThatIsNotAZone_FailsSayingWhatIsExpected(string pasted, string expected)
    {
        var result = TravelDocumentFromMrz.Read(pasted, Today);

        Assert.False(result.IsSuccess);
        Assert.Equal("mrz", result.Error.Field);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("2 lines of 44 characters for a passport", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DotlessI_IsNotTakenForI()
    {
        var result = TravelDocumentFromMrz.Read(Line1.Replace("ERIKSSON", "erıksson", StringComparison.Ordinal) + "\n" + Line2, Today);

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void Read_Visa_FailsSayingItIsAVisa()
    {
        var result = TravelDocumentFromMrz.Read(
            "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<", Today);

        Assert.False(result.IsSuccess);
        Assert.Contains("visa", result.Error.Message, StringComparison.Ordinal);
    }

    private static char Digit(string field) => Core.Documents.Mrz.MrzCheckDigit.Compute(field);

    private static string? Country(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var code) ? (code.GetString() == "D" ? "DEU" : code.GetString()) : null;

    private static string BirthDate(string yymmdd)
    {
        var yy = int.Parse(yymmdd[..2], CultureInfo.InvariantCulture);
        return $"{(yy > Today.Year % 100 ? 1900 : 2000) + yy}-{yymmdd[2..4]}-{yymmdd[4..]}";
    }

    private static string ExpiryDate(string yymmdd) => $"20{yymmdd[..2]}-{yymmdd[2..4]}-{yymmdd[4..]}";
}
