using System.Security.Cryptography;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Progressive release: when a service's <see cref="AppointmentService.NextReleaseAt"/> has come, a batch of
/// random size (between BatchMin and BatchMax) drawn at random among its pooled future slots within the horizon
/// is published, and the next instant is drawn inside the release windows. A cancelled slot, back in the pool,
/// thus reappears only in a later random batch. Two instances may run it at once: each claims a release with
/// a conditional update of NextReleaseAt, and only the one whose update took releases the batch.
/// </summary>
public sealed class ReleaseSlots(ChanceryDb db, TimeProvider clock)
{
    /// <summary>Releases the batches that are due; returns the number of slots published.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var services = await (from s in db.AppointmentServices.AsNoTracking()
                              join p in db.Posts on s.PostId equals p.Id
                              where s.Active && s.Release == ReleaseMode.Progressive && (s.NextReleaseAt == null || s.NextReleaseAt <= now)
                              orderby s.Id
                              select new { s.Id, s.BatchMin, s.BatchMax, s.HorizonDays, s.ReleaseWindowsText, s.NextReleaseAt, p.TimeZone })
            .ToListAsync(ct);
        var released = 0;
        foreach (var service in services)
        {
            var windows = ReleaseWindows.Parse(service.ReleaseWindowsText);
            if (!windows.IsSuccess)
                continue; // The staff page refuses malformed windows; a row written otherwise waits until it is corrected.
            var next = ReleaseWindows.NextReleaseAt(now, ReleaseWindows.Zone(service.TimeZone), windows.Value);
            var seen = service.NextReleaseAt;
            var id = service.Id;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.AppointmentServices
                .Where(s => s.Id == id && s.NextReleaseAt == seen)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextReleaseAt, next), ct);
            // Lost to another instance, which releases this batch; a service never scheduled is only scheduled.
            if (claimed == 1 && seen is not null)
            {
                var size = RandomNumberGenerator.GetInt32(Math.Max(0, service.BatchMin), Math.Max(service.BatchMin, service.BatchMax) + 1);
                released += await ReleaseRandomAsync(id, service.HorizonDays, size, now, ct);
            }

            await tx.CommitAsync(ct);
        }

        return released;
    }

    /// <summary>Publishes at once <paramref name="count"/> slots drawn at random from the pool (staff's "release now").</summary>
    public async Task<int> ReleaseNowAsync(int serviceId, int count, CancellationToken ct)
    {
        var horizon = await db.AppointmentServices.Where(s => s.Id == serviceId).Select(s => (int?)s.HorizonDays).SingleOrDefaultAsync(ct);
        if (horizon is null || count <= 0)
            return 0;
        return await ReleaseRandomAsync(serviceId, horizon.Value, count, clock.GetUtcNow().UtcDateTime, ct);
    }

    private async Task<int> ReleaseRandomAsync(int serviceId, int horizonDays, int count, DateTime now, CancellationToken ct)
    {
        if (count <= 0)
            return 0;
        var end = now.AddDays(horizonDays);
        var pool = await db.Slots.AsNoTracking()
            .Where(s => s.ServiceId == serviceId && s.State == SlotState.Pool && s.StartsAt > now && s.StartsAt < end)
            .Select(s => s.Id).ToArrayAsync(ct);
        // A partial Fisher–Yates shuffle: the first `take` ids are a uniform random choice from the pool.
        var take = Math.Min(count, pool.Length);
        for (var i = 0; i < take; i++)
        {
            var j = RandomNumberGenerator.GetInt32(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var chosen = pool[..take];
        if (chosen.Length == 0)
            return 0;
        return await db.Slots
            .Where(s => chosen.Contains(s.Id) && s.State == SlotState.Pool)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Released).SetProperty(s => s.ReleasedAt, now), ct);
    }
}
