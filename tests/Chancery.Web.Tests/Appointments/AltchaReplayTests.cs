using System.Net;
using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Appointments;

/// <summary>
/// A challenge is single use across instances: two apps on one database (sharing the ALTCHA key), a payload
/// served and accepted by one is replayed on the other, and of many concurrent verifications on both exactly one passes.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The apps are disposed by IAsyncLifetime.DisposeAsync.")]
public abstract class AltchaReplayTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? database;
    private ChanceryApp? first;
    private ChanceryApp? second;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(kind);
        first = new ChanceryApp(database);
        second = new ChanceryApp(database);
        _ = first.Server;
        _ = second.Server;
    }

    public async Task DisposeAsync()
    {
        // Both apps own the shared database; the second to go finds it already removed, which is harmless.
        if (second is not null)
            await second.DisposeAsync();
        if (first is not null)
            await first.DisposeAsync();
    }

    [Fact]
    public async Task Payload_AcceptedByOneInstance_IsReplayedOnTheOther()
    {
        var payload = await SolvedPayloadAsync(first!);

        Assert.Equal(AltchaCheck.Valid, await VerifyAsync(first!, payload));
        Assert.Equal(AltchaCheck.Replayed, await VerifyAsync(second!, payload));
        Assert.Equal(AltchaCheck.Replayed, await VerifyAsync(first!, payload));
    }

    [Fact]
    public async Task Payload_VerifiedConcurrentlyOnBothInstances_IsValidExactlyOnce()
    {
        var payload = await SolvedPayloadAsync(second!);

        var results = await Task.WhenAll(Enumerable.Range(0, 24)
            .Select(i => Task.Run(() => VerifyAsync(i % 2 == 0 ? first! : second!, payload))));

        Assert.Single(results, r => r == AltchaCheck.Valid);
        Assert.Equal(23, results.Count(r => r == AltchaCheck.Replayed));
    }

    private static async Task<string> SolvedPayloadAsync(ChanceryApp app)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/rendez-vous/defi/book", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AltchaSolver.Solve(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Unsolved challenge.");
    }

    private static Task<AltchaCheck> VerifyAsync(ChanceryApp app, string payload) =>
        app.Services.GetRequiredService<AltchaChallenges>().VerifyAsync(payload, "book", CancellationToken.None);
}

public sealed class AltchaReplayTestsSqlite() : AltchaReplayTests(DatabaseKind.Sqlite);

public sealed class AltchaReplayTestsPostgres() : AltchaReplayTests(DatabaseKind.Postgres);
