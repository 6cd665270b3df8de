using System.Text.Json;
using Chancery.Web.Cli;

namespace Chancery.Web.Tests.Cli;

public sealed class MrzCliTests
{
    [Fact]
    public void Run_ValidTd3_PrintsEveryFieldAndExitsZero()
    {
        var (code, stdout, stderr) = Run("parse", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["format", "valid", "documentCode", "issuingState", "surname", "givenNames", "documentNumber", "nationality",
             "birthDate", "sex", "expiryDate", "optionalData", "checks", "problems"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TD3", root.GetProperty("format").GetString());
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("P", root.GetProperty("documentCode").GetString());
        Assert.Equal("UTO", root.GetProperty("issuingState").GetString());
        Assert.Equal("ERIKSSON", root.GetProperty("surname").GetString());
        Assert.Equal("ANNA MARIA", root.GetProperty("givenNames").GetString());
        Assert.Equal("L898902C3", root.GetProperty("documentNumber").GetString());
        Assert.Equal("UTO", root.GetProperty("nationality").GetString());
        Assert.Equal("740812", root.GetProperty("birthDate").GetString());
        Assert.Equal("F", root.GetProperty("sex").GetString());
        Assert.Equal("120415", root.GetProperty("expiryDate").GetString());
        Assert.Equal("ZE184226B", root.GetProperty("optionalData").GetString());
        Assert.Equal(
            [("documentNumber", true), ("birthDate", true), ("expiryDate", true), ("optionalData", true), ("composite", true)],
            root.GetProperty("checks").EnumerateObject().Select(p => (p.Name, p.Value.GetBoolean())));
        Assert.Equal(0, root.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Run_ReadableButInvalidVisa_PrintsValidFalseWithoutCompositeAndExitsZero()
    {
        var (code, stdout, _) = Run("parse", "VBD<<DEDIC<<SIDNAN<<<<<<<<<<<<<<<<<<", "D091740530BOS8201135M9708011<2020711");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("MRVB", root.GetProperty("format").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal("D", root.GetProperty("issuingState").GetString());
        Assert.Equal(["documentNumber", "birthDate", "expiryDate"], root.GetProperty("checks").EnumerateObject().Select(p => p.Name));
        Assert.Contains("BOS", root.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Td1InOneArgumentWithNewlines_ReadsThreeLines()
    {
        var (code, stdout, _) = Run("parse", "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("TD1", json.RootElement.GetProperty("format").GetString());
        Assert.Equal("D23145890734", json.RootElement.GetProperty("documentNumber").GetString());
        Assert.Equal(
            ["documentNumber", "birthDate", "expiryDate", "composite"],
            json.RootElement.GetProperty("checks").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Run_FillersInDates_ArePrintedUnescaped()
    {
        var (_, stdout, _) = Run("parse", "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F<<<<<<0UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        Assert.Contains("\"expiryDate\": \"<<<<<<\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnreadableZone_PrintsOneLineOnStderrAndExitsTwo()
    {
        var (code, stdout, stderr) = Run("parse", "p<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'p' at position 1", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("parse")]
    [InlineData("read", "P<UTO", "L898")]
    [InlineData("parse", "A", "B", "C", "D")]
    public void Run_WrongUsage_PrintsUsageAndExitsTwo(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("usage: chancery mrz parse", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = MrzCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
