using System.Text.Json.Nodes;
using Chancery.Core.Options;
using Chancery.Web.Cli;

namespace Chancery.Web.Tests.Cli;

public sealed class ScreenCommandTests
{
    private static readonly ScreeningOptions Options = new() { MatchThreshold = 0.85 };

    [Theory]
    [InlineData("Muhammad Al-Hussein", "HUSAYN, Mohamed", true)]
    [InlineData("Ivan Petrov", "Иван Петров", true)]
    [InlineData("Anna Smith", "John Brown", false)]
    public async Task Compare_TwoNames_PrintsScoreAndMatch(string first, string second, bool expected)
    {
        var (code, output, _) = await RunAsync("compare", first, second);

        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        var score = json["score"]!.GetValue<double>();
        Assert.InRange(score, 0.0, 1.0);
        Assert.Equal(expected, json["match"]!.GetValue<bool>());
        Assert.Equal(score >= Options.MatchThreshold, json["match"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CompareFile_KeepsEveryColumn_AndAppendsScoreAndMatch()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id,name1,name2,note\n1,Ivan Petrov,Иван Петров,script\n2,\"SMITH, John\",Anna Brown,\"different, people\"\n");
        try
        {
            var (code, output, _) = await RunAsync("compare", "--file", path);

            Assert.Equal(0, code);
            var lines = output.TrimEnd('\n').Split('\n');
            Assert.Equal("id,name1,name2,note,score,match", lines[0]);
            Assert.StartsWith("1,Ivan Petrov,Иван Петров,script,", lines[1], StringComparison.Ordinal);
            Assert.EndsWith(",true", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("2,\"SMITH, John\",Anna Brown,\"different, people\",", lines[2], StringComparison.Ordinal);
            Assert.EndsWith(",false", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("compare", "only one")]
    [InlineData("compare", "--file", "/nonexistent.csv")]
    [InlineData("search", "x", "y")]
    public async Task BadArguments_ExitWithCode2(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task CompareFile_WithoutName1AndName2Columns_ExitsWithCode2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "a,b\nx,y\n");
        try
        {
            var (code, _, error) = await RunAsync("compare", "--file", path);

            Assert.Equal(2, code);
            Assert.Contains("name1", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ScreenCommand.RunAsync(args, Options, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
