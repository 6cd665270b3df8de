using System.Globalization;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Appointments;

/// <summary>
/// Counts what client addresses do on the appointment pages and blocks an address that keeps failing
/// challenges or codes, or asks for many identities, for <see cref="AbuseOptions.BlockFor"/>. A null
/// address (no peer, as in in-process tests) is neither counted nor blocked. Scoped: it uses the request's ChanceryDb.
/// </summary>
public sealed class AbuseGuard(ChanceryDb db, TimeProvider clock, IOptions<AbuseOptions> options)
{
    private readonly AbuseOptions settings = options.Value;

    /// <summary>The block in force for the address (the one lasting longest), if any.</summary>
    public async Task<AddressBlock?> BlockOnAsync(string? address, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(address))
            return null;
        var now = Now();
        return await db.AddressBlocks.AsNoTracking()
            .Where(b => b.Address == address && b.LiftedAt == null && b.Until > now)
            .OrderByDescending(b => b.Until)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Records one event and blocks the address when it crosses a threshold (unless already blocked).</summary>
    public async Task RecordAsync(string? address, AbuseKind kind, string? identityKey, string? emailDomain, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(address))
            return;
        address = Trim(address, 45);
        var now = Now();
        db.AbuseEvents.Add(new AbuseEvent
        {
            Address = address,
            Kind = kind,
            IdentityKey = identityKey is null ? null : Trim(identityKey, 24),
            EmailDomain = emailDomain is null ? null : Trim(emailDomain.ToLowerInvariant(), 254),
            At = now,
        });
        await db.SaveChangesAsync(ct);

        var reason = await ThresholdCrossedAsync(address, kind, now, ct);
        if (reason is null || await BlockOnAsync(address, ct) is not null)
            return;
        // Two requests crossing the threshold at once may both block: harmless, the block in force is the same.
        db.AddressBlocks.Add(new AddressBlock { Address = address, Reason = reason, BlockedAt = now, Until = now + settings.BlockFor });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Lifts a block in force; false when there is no such block (unknown, ended or already lifted).</summary>
    public async Task<bool> LiftAsync(int blockId, string liftedBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(liftedBy);
        var now = Now();
        var lifted = await db.AddressBlocks
            .Where(b => b.Id == blockId && b.LiftedAt == null && b.Until > now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LiftedAt, now).SetProperty(b => b.LiftedBy, Trim(liftedBy, 200)), ct);
        return lifted == 1;
    }

    /// <summary>Removes events older than <see cref="AbuseOptions.KeepEvents"/>; safe to run on several instances at once.</summary>
    public Task<int> PurgeEventsAsync(CancellationToken ct)
    {
        var cutoff = Now() - settings.KeepEvents;
        return db.AbuseEvents.Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
    }

    // The reason is written for staff, in words, with the figures that crossed the threshold.
    private async Task<string?> ThresholdCrossedAsync(string address, AbuseKind kind, DateTime now, CancellationToken ct)
    {
        switch (kind)
        {
            case AbuseKind.ChallengeFailed:
            {
                var count = await CountAsync(address, kind, now - settings.ChallengeFailureWindow, ct);
                return count >= settings.ChallengeFailures ? $"{count} failed challenges in {Words(settings.ChallengeFailureWindow)}" : null;
            }
            case AbuseKind.CodeFailed:
            {
                var count = await CountAsync(address, kind, now - settings.CodeFailureWindow, ct);
                return count >= settings.CodeFailures ? $"{count} failed codes in {Words(settings.CodeFailureWindow)}" : null;
            }
            case AbuseKind.IdentityRequested:
            {
                var since = now - settings.IdentityWindow;
                var identities = await db.AbuseEvents
                    .Where(e => e.Address == address && e.Kind == AbuseKind.IdentityRequested && e.At >= since && e.IdentityKey != null)
                    .Select(e => e.IdentityKey).Distinct().CountAsync(ct);
                return identities > settings.IdentitiesPerAddress ? $"bookings for {identities} identities in {Words(settings.IdentityWindow)}" : null;
            }
            default:
                return null;
        }
    }

    private Task<int> CountAsync(string address, AbuseKind kind, DateTime since, CancellationToken ct) =>
        db.AbuseEvents.CountAsync(e => e.Address == address && e.Kind == kind && e.At >= since, ct);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Trim(string value, int length) => value.Length <= length ? value : value[..length];

    internal static string Words(TimeSpan window) => window switch
    {
        { TotalDays: >= 1 } when window.TotalDays % 1 == 0 => window.TotalDays == 1 ? "24 hours" : $"{window.TotalDays.ToString(CultureInfo.InvariantCulture)} days",
        { TotalHours: >= 1 } when window.TotalHours % 1 == 0 => window.TotalHours == 1 ? "1 hour" : $"{window.TotalHours.ToString(CultureInfo.InvariantCulture)} hours",
        _ => $"{Math.Round(window.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes",
    };
}
