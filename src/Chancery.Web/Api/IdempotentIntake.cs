using System.Security.Cryptography;
using System.Text;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Api;

/// <summary>
/// Runs a creating request at most once per <c>Idempotency-Key</c> and caller. The key is claimed
/// with a unique index inside the same transaction as the work, so two concurrent sends of one
/// key create one thing, and a retry gets the first answer back.
/// </summary>
internal sealed class IdempotentIntake(ChanceryDb db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public sealed record Outcome(int StatusCode, string Body, string? Location);

    public async Task<IResult> RunAsync(string clientId, string? key, string requestFingerprint, Func<CancellationToken, Task<Outcome>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (key is null)
            return ToResult(await work(ct));
        if (key.Length is < 8 or > 128 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return ApiProblems.From(Error.Validation(Header, "The Idempotency-Key must be 8 to 128 characters: letters, digits, '-', '_', '.', ':'."));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestFingerprint)));
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var record = new IdempotencyRecord { ClientId = clientId, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await ReplayAsync(clientId, key, hash, ct);
            }

            var outcome = await work(ct);
            if (outcome.StatusCode >= 500)
                return ToResult(outcome);
            record.StatusCode = outcome.StatusCode;
            record.ResponseBody = outcome.Body;
            record.Location = outcome.Location;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ToResult(outcome);
        }
    }

    private async Task<IResult> ReplayAsync(string clientId, string key, string hash, CancellationToken ct)
    {
        // Real waiting, not the injected clock: the first request may still be running.
        for (var attempt = 0; ; attempt++)
        {
            var first = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, ct);
            if (first is not null && first.RequestHash != hash)
            {
                return ApiProblems.From(Error.Conflict("idempotency.mismatch", "This Idempotency-Key was already used for a different request."));
            }

            if (first?.StatusCode is { } status)
                return ToResult(new Outcome(status, first.ResponseBody ?? "", first.Location), replayed: true);
            if (attempt * PollInterval >= WaitForFirst)
                return ApiProblems.From(Error.Conflict("idempotency.in-progress", "A request with this Idempotency-Key is still being processed; retry later."));
            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>Renders a result exactly as it would be sent, so that a replay of the same key is byte-identical.</summary>
    public static async Task<Outcome> OutcomeOfAsync(IResult result, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(http);
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        return new Outcome(http.Response.StatusCode, Encoding.UTF8.GetString(buffer.ToArray()), null);
    }

    private static StoredResult ToResult(Outcome outcome, bool replayed = false) => new(outcome, replayed);

    private sealed class StoredResult(Outcome outcome, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = outcome.StatusCode;
            httpContext.Response.ContentType = outcome.StatusCode >= 400 ? "application/problem+json" : "application/json";
            if (outcome.Location is not null)
                httpContext.Response.Headers.Location = outcome.Location;
            if (replayed)
                httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            await httpContext.Response.WriteAsync(outcome.Body);
        }
    }
}
