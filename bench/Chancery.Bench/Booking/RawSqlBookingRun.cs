using System.Diagnostics;
using System.Security.Cryptography;
using Chancery.Core.Applications;
using Npgsql;
using NpgsqlTypes;

namespace Chancery.Bench.Booking;

/// <summary>
/// The booking transaction issued directly with Npgsql, no HTTP and no application code: spend the
/// request, claim the earliest released slot with the application's SKIP LOCKED statement, insert the
/// booking, commit. The yardstick the application's throughput is divided by.
/// </summary>
internal static class RawSqlBookingRun
{
    public sealed record Figures(double Seconds, int Booked, int NoneLeft, int Other, double[] LatenciesMs);

    private const string Spend = """
        UPDATE "BookingRequests" SET "UsedAt" = $2 WHERE "Id" = $1 AND "UsedAt" IS NULL
        """;

    private const string Claim = """
        UPDATE "Slots" SET "State" = 'Booked'
        WHERE "Id" = (SELECT "Id" FROM "Slots"
                      WHERE "ServiceId" = $1 AND "State" = 'Released' AND "StartsAt" > $2
                      ORDER BY "StartsAt", "Counter" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING "Id", "StartsAt"
        """;

    private const string Insert = """
        INSERT INTO "Bookings" ("Id", "Reference", "PostId", "ServiceId", "SlotId", "StartsAt", "State", "DocumentNumber", "IssuingState",
            "Surname", "BirthDate", "ActiveIdentityKey", "ActiveSlotId", "Email", "Language", "ManageTokenHash", "CreatedAt", "ReschedulesUsed")
        VALUES ($1, $2, $3, $4, $5, $6, 'Confirmed', $7, $8, $9, $10, $11, $5, $12, 'fr', $13, $14, 0)
        """;

    private const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";

    /// <summary>One request of the seed as the transaction needs it.</summary>
    public sealed record Attempt(Guid RequestId, string DocumentNumber, string Email);

    public static async Task<Figures> RunAsync(string connectionString, int postId, int serviceId, IReadOnlyList<Attempt> attempts, int concurrency)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = concurrency, MinPoolSize = 0 };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        // The app's pool was warmed by the slot pages; open as many connections here before timing.
        var warm = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => source.OpenConnectionAsync().AsTask()));
        foreach (var c in warm)
            await c.DisposeAsync();

        var outcomes = new HttpBookingRun.Outcome[attempts.Count];
        var latencies = new double[attempts.Count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, attempts.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var t = Stopwatch.GetTimestamp();
            outcomes[i] = await BookAsync(source, postId, serviceId, attempts[i], ct);
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Figures(
            seconds,
            outcomes.Count(o => o == HttpBookingRun.Outcome.Booked),
            outcomes.Count(o => o == HttpBookingRun.Outcome.NoneLeft),
            outcomes.Count(o => o == HttpBookingRun.Outcome.Other),
            latencies);
    }

    private static async Task<HttpBookingRun.Outcome> BookAsync(NpgsqlDataSource source, int postId, int serviceId, Attempt attempt, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var spend = new NpgsqlCommand(Spend, connection, tx))
        {
            spend.Parameters.Add(new() { Value = attempt.RequestId });
            spend.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            if (await spend.ExecuteNonQueryAsync(ct) != 1)
                return HttpBookingRun.Outcome.Other;
        }

        long slotId;
        DateTime startsAt;
        await using (var claim = new NpgsqlCommand(Claim, connection, tx))
        {
            claim.Parameters.Add(new() { Value = serviceId });
            claim.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await claim.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                await reader.DisposeAsync();
                await tx.RollbackAsync(ct);
                return HttpBookingRun.Outcome.NoneLeft;
            }

            slotId = reader.GetInt64(0);
            startsAt = reader.GetDateTime(1);
        }

        await using (var insert = new NpgsqlCommand(Insert, connection, tx))
        {
            var p = insert.Parameters;
            p.Add(new() { Value = Guid.CreateVersion7() });
            p.Add(new() { Value = "RDV-" + RandomNumberGenerator.GetString(Alphabet, 4) + "-" + RandomNumberGenerator.GetString(Alphabet, 4) });
            p.Add(new() { Value = postId });
            p.Add(new() { Value = serviceId });
            p.Add(new() { Value = slotId });
            p.Add(new() { Value = startsAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            p.Add(new() { Value = attempt.DocumentNumber });
            p.Add(new() { Value = "GBR" });
            p.Add(new() { Value = "TESTER" });
            p.Add(new() { Value = new DateOnly(1985, 6, 15) });
            p.Add(new() { Value = "GBR:" + attempt.DocumentNumber });
            p.Add(new() { Value = attempt.Email });
            p.Add(new() { Value = Secrets.Hash(Secrets.NewToken()) });
            p.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return HttpBookingRun.Outcome.Booked;
    }
}
