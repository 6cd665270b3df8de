using Chancery.Core.Data;
using Chancery.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Job: bookings whose fee was not paid by the deadline lapse, and their slots return to the release pool.
/// Idempotent, and safe with two instances: each booking is ended by a conditional update on its state.
/// </summary>
public sealed class ExpireUnpaidBookings(ChanceryDb db, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Bookings
            .Where(b => b.State == BookingState.AwaitingPayment && b.PaymentDeadline <= now)
            .OrderBy(b => b.PaymentDeadline).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.SlotId })
            .Take(500)
            .ToListAsync(ct);
        var lapsed = 0;
        foreach (var b in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ended = await db.Bookings
                .Where(x => x.Id == b.Id && x.State == BookingState.AwaitingPayment)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.State, BookingState.Lapsed)
                    .SetProperty(x => x.EndedAt, now)
                    .SetProperty(x => x.ActiveSlotId, (long?)null)
                    .SetProperty(x => EF.Property<string?>(x, PersonalData.Stored(nameof(Booking.ActiveIdentityKey))), (string?)null), ct);
            if (ended == 1)
            {
                await ManageBooking.ReturnToPoolAsync(db, b.SlotId, ct);
                lapsed++;
            }

            await tx.CommitAsync(ct);
        }

        return lapsed;
    }
}
