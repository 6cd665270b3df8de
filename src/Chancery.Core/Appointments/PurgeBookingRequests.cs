using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Job: erases booking requests a day after they expired (they hold an identity and an address that no
/// booking needs any more) and redeemed challenges past their expiry (a replay of them fails on expiry anyway).
/// </summary>
public sealed class PurgeBookingRequests(ChanceryDb db, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-1);
        var requests = await db.BookingRequests.Where(r => r.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        await db.UsedChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        return requests;
    }
}
