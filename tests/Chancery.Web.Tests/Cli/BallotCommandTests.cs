using System.Text.Json.Nodes;
using Chancery.Core.Appointments;
using Chancery.Web.Cli;

namespace Chancery.Web.Tests.Cli;

// chancery ballot verify FILE, on publications written here; the HTTP tests run it on a real draw's tirage.json.
public sealed class BallotCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chancery-ballot-").FullName;

    [Fact]
    public async Task Verify_APublication_ExitsZeroSayingHowMany()
    {
        var file = Write(Publication(7).ToJson());

        var (code, stdout, stderr) = await RunAsync("ballot", "verify", file);

        Assert.Equal(0, code);
        Assert.Equal("verified: 7 registrations, order matches", stdout.Trim());
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Verify_SeedNotMatchingTheCommitment_ExitsOneWithTheReason()
    {
        var json = JsonNode.Parse(Publication(5).ToJson())!;
        json["seed"] = Convert.ToHexStringLower(BallotDraw.NewSeed());

        var (code, stdout, _) = await RunAsync("ballot", "verify", Write(json.ToJsonString()));

        Assert.Equal(1, code);
        Assert.Contains("commitment", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.Trim().Split('\n'));
    }

    [Fact]
    public async Task Verify_OrderChanged_ExitsOne()
    {
        var json = JsonNode.Parse(Publication(5).ToJson())!;
        var order = json["order"]!.AsArray();
        var first = order[0]!.GetValue<string>();
        order[0] = order[4]!.GetValue<string>();
        order[4] = first;

        var (code, stdout, _) = await RunAsync("ballot", "verify", Write(json.ToJsonString()));

        Assert.Equal(1, code);
        Assert.Contains("rank 1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingFile_ExitsTwo()
    {
        var (code, _, stderr) = await RunAsync("ballot", "verify", Path.Combine(directory, "absent.json"));

        Assert.Equal(2, code);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"ballotId\": 3}")]
    public async Task Verify_NotAPublication_ExitsTwo(string content)
    {
        var (code, _, stderr) = await RunAsync("ballot", "verify", Write(content));

        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Ballot_WithoutVerifyAndFile_PrintsUsageAndExitsTwo()
    {
        var (code, _, stderr) = await RunAsync("ballot");

        Assert.Equal(2, code);
        Assert.Contains("chancery ballot verify FILE", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static BallotPublication Publication(int registrations)
    {
        var seed = BallotDraw.NewSeed();
        var ids = Enumerable.Range(0, registrations).Select(i => $"{(i + 1) * 104729:x16}").ToList();
        return new BallotPublication(42, BallotDraw.Algorithm, BallotDraw.Commit(seed), Convert.ToHexStringLower(seed), null, 2,
            ids.Order(StringComparer.Ordinal).ToList(), BallotDraw.Order(seed, ids));
    }

    private string Write(string content)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
