using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Books a released slot for a verified request, in one transaction: the request is spent, the slot taken
/// with a conditional update, the booking inserted under the unique indexes that allow one active booking
/// per slot and per identity and service. Any instance, any number at once: a slot is never booked twice
/// and an identity never holds two appointments for a service.
/// </summary>
public sealed class BookAppointment(ChanceryDb db, TimeProvider clock)
{
    /// <summary>The booking made, and the token of its manage link (not kept: only its hash is).</summary>
    public sealed record Booked(Booking Booking, string ManageToken);

    /// <param name="requestId">A request verified by its e-mailed code.</param>
    /// <param name="slotId">The slot chosen, or null for the earliest released slot of the service.</param>
    public async Task<Result<Booked>> ExecuteAsync(Guid requestId, long? slotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.BookingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.VerifiedAt is null || request.UsedAt is not null || request.ExpiresAt <= now || request.Purpose != BookingPurpose.Book)
            return new Error(ErrorKind.Conflict, "appointment.request-void", "This booking session has expired or was already used. Start again.");
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == request.ServiceId, ct);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Spending the request first also takes SQLite's write lock at once, so the rest runs serialised there.
            var spent = await db.BookingRequests
                .Where(r => r.Id == requestId && r.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct);
            if (spent == 0)
                return new Error(ErrorKind.Conflict, "appointment.request-void", "This booking session has expired or was already used. Start again.");

            var claimed = await ClaimAsync(request.ServiceId, slotId, now, ct);
            if (claimed is null)
            {
                await tx.RollbackAsync(ct);
                return slotId is null
                    ? new Error(ErrorKind.Conflict, "appointment.none-left", "No slot is free for this service just now. New slots are released at random times: try again later.")
                    : new Error(ErrorKind.Conflict, "appointment.slot-taken", "This slot has just been taken. Choose another one.", "SlotId");
            }

            var slot = await db.Slots.AsNoTracking().SingleAsync(s => s.Id == claimed.Value, ct);
            var token = Secrets.NewToken();
            var booking = new Booking
            {
                Reference = BookingReferences.New(),
                PostId = request.PostId,
                ServiceId = request.ServiceId,
                DocumentNumber = request.DocumentNumber,
                IssuingState = request.IssuingState,
                Surname = request.Surname,
                BirthDate = request.BirthDate,
                Email = request.Email,
                Language = request.Language,
                ApplicationCaseId = request.ApplicationCaseId,
                ManageTokenHash = Secrets.Hash(token),
                CreatedAt = now,
                CreatedFromAddress = request.FromAddress,
            };
            booking.Hold(slot, PaymentDeadline(service, slot, now));
            db.Bookings.Add(booking);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new Error(ErrorKind.Conflict, "appointment.identity-booked",
                    "This travel document already has an appointment for this service. Cancel it first to choose another date.", "DocumentNumber");
            }

            await tx.CommitAsync(ct);
            return Result<Booked>.Success(new Booked(booking, token));
        });
    }

    /// <summary>The fee deadline when the service is prepaid: the payment window, but never past the appointment.</summary>
    public static DateTime? PaymentDeadline(AppointmentService service, Slot slot, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(slot);
        if (!service.RequiresPrepayment)
            return null;
        var deadline = now.AddHours(service.PaymentWindowHours);
        return deadline < slot.StartsAt ? deadline : slot.StartsAt;
    }

    /// <summary>Takes one released slot with a conditional update; null when none could be taken.</summary>
    private async Task<long?> ClaimAsync(int serviceId, long? slotId, DateTime now, CancellationToken ct)
    {
        if (slotId is { } id)
        {
            var taken = await db.Slots
                .Where(s => s.Id == id && s.ServiceId == serviceId && s.State == SlotState.Released && s.StartsAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Booked), ct);
            return taken == 1 ? id : null;
        }

        // The earliest released slot. On PostgreSQL, rows other transactions are taking are skipped rather
        // than waited for, so thousands of simultaneous requests each get a different slot without queueing.
        var released = nameof(SlotState.Released);
        var booked = nameof(SlotState.Booked);
        var ids = db.IsPostgres()
            ? await db.Database.SqlQuery<long>($"""
                UPDATE "Slots" SET "State" = {booked}
                WHERE "Id" = (SELECT "Id" FROM "Slots"
                              WHERE "ServiceId" = {serviceId} AND "State" = {released} AND "StartsAt" > {now}
                              ORDER BY "StartsAt", "Counter" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "Slots" SET "State" = {booked}
                WHERE "Id" = (SELECT "Id" FROM "Slots"
                              WHERE "ServiceId" = {serviceId} AND "State" = {released} AND "StartsAt" > {now}
                              ORDER BY "StartsAt", "Counter" LIMIT 1)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }
}
