using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Confirmed bookings whose appointment ended more than <see cref="Grace"/> ago without a check-in become
/// no-shows (for the staff dashboard). Idempotent: a second run, or a second instance, finds nothing more.
/// </summary>
public sealed class MarkNoShows(ChanceryDb db, TimeProvider clock)
{
    /// <summary>Time after the end of the appointment left for a late arrival to be checked in.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(2);

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var startedBefore = now - Grace;
        var candidates = await (from b in db.Bookings
                                join s in db.AppointmentServices on b.ServiceId equals s.Id
                                where b.State == BookingState.Confirmed && b.StartsAt < startedBefore
                                orderby b.StartsAt, b.Id
                                select new { Booking = b, s.DurationMinutes })
            .Take(1000).ToListAsync(ct);
        var marked = 0;
        foreach (var c in candidates.Where(c => c.Booking.StartsAt.AddMinutes(c.DurationMinutes) + Grace <= now))
        {
            c.Booking.End(BookingState.NoShow, now);
            marked++;
        }

        await db.SaveChangesAsync(ct);
        return marked;
    }
}
