using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// What the holder of a booking's manage link may do: see it, cancel it (the slot returns to the release
/// pool, never straight to someone else), or move it once where the post allows. The bound identity is
/// never among the things that change.
/// </summary>
public sealed class ManageBooking(ChanceryDb db, TimeProvider clock)
{
    /// <summary>The booking behind a manage link's token, or null.</summary>
    public async Task<Booking?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return null;
        var hash = Secrets.Hash(token);
        return await db.Bookings.SingleOrDefaultAsync(b => b.ManageTokenHash == hash, ct);
    }

    public async Task<Result<Booking>> CancelAsync(string? token, CancellationToken ct)
    {
        var booking = await FindAsync(token, ct);
        if (booking is null)
            return Error.NotFound("The appointment");
        if (!booking.IsActive)
            return new Error(ErrorKind.Conflict, "appointment.not-active", "This appointment is no longer active.");
        var now = clock.GetUtcNow().UtcDateTime;
        var slotId = booking.SlotId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        booking.End(BookingState.Cancelled, now);
        await db.SaveChangesAsync(ct);
        await ReturnToPoolAsync(db, slotId, ct);
        await tx.CommitAsync(ct);
        return booking;
    }

    /// <summary>Whether the post's policy still lets this booking move.</summary>
    public static bool CanReschedule(Booking booking, AppointmentService service) =>
        booking is not null && service is not null && booking.IsActive
        && service.Rescheduling == ReschedulePolicy.OneFreeReschedule && booking.ReschedulesUsed == 0;

    public async Task<Result<Booking>> RescheduleAsync(string? token, long slotId, CancellationToken ct)
    {
        var booking = await FindAsync(token, ct);
        if (booking is null)
            return Error.NotFound("The appointment");
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == booking.ServiceId, ct);
        if (!CanReschedule(booking, service))
        {
            return new Error(ErrorKind.Conflict, "appointment.no-reschedule", service.Rescheduling == ReschedulePolicy.CancelOnly
                ? "This post does not allow appointments to be moved: cancel this one and book again."
                : "This appointment has already been moved once: it can now only be cancelled.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var oldSlot = booking.SlotId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Slots
            .Where(s => s.Id == slotId && s.ServiceId == booking.ServiceId && s.State == SlotState.Released && s.StartsAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Booked), ct);
        if (taken == 0)
        {
            await tx.RollbackAsync(ct);
            return new Error(ErrorKind.Conflict, "appointment.slot-taken", "This slot has just been taken. Choose another one.", "SlotId");
        }

        var slot = await db.Slots.AsNoTracking().SingleAsync(s => s.Id == slotId, ct);
        booking.MoveTo(slot);
        await db.SaveChangesAsync(ct);
        await ReturnToPoolAsync(db, oldSlot, ct);
        await tx.CommitAsync(ct);
        return booking;
    }

    /// <summary>
    /// A slot given up goes back to the pool, to be published again in a later random batch (or stays
    /// with its ballot for the next drawn); it is never re-released at once to whoever polls fastest.
    /// </summary>
    public static Task<int> ReturnToPoolAsync(ChanceryDb db, long slotId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Slots.Where(s => s.Id == slotId && s.State == SlotState.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Pool).SetProperty(s => s.ReleasedAt, (DateTime?)null), ct);
    }
}
