using System.Text;
using System.Text.Json.Nodes;
using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chancery.Core.Tests.Appointments;

/// <summary>
/// ALTCHA challenges made, solved in C# as the browser's worker solves them, and verified, on each database:
/// a valid payload once, then every way a payload may be replayed, late, tampered with or misused.
/// </summary>
public abstract class AltchaChallengesTests(AppFixture fixture)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private AltchaChallenges Challenges() => new(
        Microsoft.Extensions.Options.Options.Create(new AltchaOptions
        {
            HmacKey = ChanceryApp.AltchaKey, Cost = 1000, CounterMin = 50, CounterMax = 150, Lifetime = TimeSpan.FromMinutes(10),
        }),
        clock,
        fixture.App.Services.GetRequiredService<IServiceScopeFactory>());

    [Fact]
    public async Task Verify_SolvedPayload_IsValidOnceThenReplayed()
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("book").Json);

        Assert.Equal(AltchaCheck.Valid, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
        Assert.Equal(AltchaCheck.Replayed, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Create_ServesParametersAsSigned()
    {
        var challenge = Challenges().Create("ballot");
        var json = JsonNode.Parse(challenge.Json)!;
        var parameters = json["parameters"]!;

        Assert.Equal(["algorithm", "cost", "data", "expiresAt", "keyLength", "keyPrefix", "keySignature", "nonce", "salt"], parameters.AsObject().Select(p => p.Key));
        Assert.Equal("PBKDF2/SHA-256", (string)parameters["algorithm"]!);
        Assert.Equal(1000, (int)parameters["cost"]!);
        Assert.Equal(32, (int)parameters["keyLength"]!);
        Assert.Equal(32, ((string)parameters["keyPrefix"]!).Length);
        Assert.Equal("ballot", (string)parameters["data"]!["action"]!);
        Assert.Equal(clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), (long)parameters["expiresAt"]!);
        Assert.Equal(challenge.Signature, (string)json["signature"]!);
    }

    [Fact]
    public async Task Verify_AfterExpiry_IsExpired()
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("book").Json);

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(AltchaCheck.Expired, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Verify_JustBeforeExpiry_IsValid()
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("book").Json);

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.Equal(AltchaCheck.Valid, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("salt")]
    [InlineData("nonce")]
    [InlineData("keyPrefix")]
    [InlineData("keySignature")]
    [InlineData("expiresAt")]
    [InlineData("cost")]
    [InlineData("action")]
    public async Task Verify_TamperedChallenge_IsBadSignature(string field)
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("book").Json);

        var tampered = Edit(payload, root =>
        {
            var challenge = root["challenge"]!;
            var parameters = challenge["parameters"]!;
            switch (field)
            {
                case "signature": challenge["signature"] = Flip((string)challenge["signature"]!); break;
                case "expiresAt": parameters["expiresAt"] = (long)parameters["expiresAt"]! + 3600; break;
                case "cost": parameters["cost"] = 1; break;
                case "action": parameters["data"]!["action"] = "code"; break;
                default: parameters[field] = Flip((string)parameters[field]!); break;
            }
        });

        Assert.Equal(AltchaCheck.BadSignature, await challenges.VerifyAsync(tampered, field == "action" ? "code" : "book", CancellationToken.None));
    }

    [Fact]
    public async Task Verify_WrongDerivedKey_IsWrongSolution()
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("book").Json);

        var tampered = Edit(payload, root => root["solution"]!["derivedKey"] = Flip((string)root["solution"]!["derivedKey"]!));
        var prefixOnly = Edit(payload, root =>
            root["solution"]!["derivedKey"] = (string)root["challenge"]!["parameters"]!["keyPrefix"]! + new string('0', 32));

        Assert.Equal(AltchaCheck.WrongSolution, await challenges.VerifyAsync(tampered, "book", CancellationToken.None));
        Assert.Equal(AltchaCheck.WrongSolution, await challenges.VerifyAsync(prefixOnly, "book", CancellationToken.None));
        // A refused solution does not spend the challenge.
        Assert.Equal(AltchaCheck.Valid, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Verify_OtherAction_IsWrongAction()
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("code").Json);

        Assert.Equal(AltchaCheck.WrongAction, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Verify_OtherKey_IsBadSignature()
    {
        var other = new AltchaChallenges(
            Microsoft.Extensions.Options.Options.Create(new AltchaOptions { HmacKey = Convert.ToBase64String(new byte[32]), Cost = 1000, CounterMin = 1, CounterMax = 5 }),
            clock,
            fixture.App.Services.GetRequiredService<IServiceScopeFactory>());
        var payload = Solve(other.Create("book").Json);

        Assert.Equal(AltchaCheck.BadSignature, await Challenges().VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Verify_WidgetTestMode_IsRefused()
    {
        var payload = Base64("""{"challenge":null,"solution":null,"test":true}""");

        Assert.Equal(AltchaCheck.TestMode, await Challenges().VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Theory]
    [InlineData(null, AltchaCheck.Missing)]
    [InlineData("", AltchaCheck.Missing)]
    [InlineData("not base64 at all!", AltchaCheck.Malformed)]
    [InlineData("bm90IGpzb24=", AltchaCheck.Malformed)]
    [InlineData("WzEsMiwzXQ==", AltchaCheck.Malformed)]
    [InlineData("eyJjaGFsbGVuZ2UiOnt9fQ==", AltchaCheck.Malformed)]
    public async Task Verify_Garbage_IsRefused(string? payload, AltchaCheck expected)
    {
        Assert.Equal(expected, await Challenges().VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Verify_ConcurrentReplays_ExactlyOneValid()
    {
        var challenges = Challenges();
        var payload = Solve(challenges.Create("book").Json);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => challenges.VerifyAsync(payload, "book", CancellationToken.None))));

        Assert.Single(results, r => r == AltchaCheck.Valid);
        Assert.All(results.Where(r => r != AltchaCheck.Valid), r => Assert.Equal(AltchaCheck.Replayed, r));
    }

    private static string Solve(string challengeJson) => AltchaSolver.Solve(challengeJson) ?? throw new InvalidOperationException("Unsolved challenge.");

    // The payload as a hand-edited one would arrive: decoded, changed, encoded again.
    private static string Edit(string payload, Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(Convert.FromBase64String(payload))!;
        edit(root);
        return Base64(root.ToJsonString());
    }

    private static string Flip(string hex) => (hex[0] == 'a' ? 'b' : 'a') + hex[1..];

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}

public sealed class AltchaChallengesTestsSqlite(SqliteAppFixture fixture) : AltchaChallengesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class AltchaChallengesTestsPostgres(PostgresAppFixture fixture) : AltchaChallengesTests(fixture), IClassFixture<PostgresAppFixture>;
