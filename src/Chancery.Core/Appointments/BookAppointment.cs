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
        var request = await db.BookingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        return request is null ? RequestVoid() : await ExecuteAsync(request, slotId, ct);
    }

    /// <summary>The same, for a request the caller has just read (the page has, to check its link).</summary>
    public async Task<Result<Booked>> ExecuteAsync(BookingRequest request, long? slotId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.VerifiedAt is null || request.UsedAt is not null || request.ExpiresAt <= now || request.Purpose != BookingPurpose.Book)
            return RequestVoid();

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Spending the request first also takes SQLite's write lock at once, so the rest runs serialised there.
            var spent = await db.BookingRequests
                .Where(r => r.Id == request.Id && r.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct);
            if (spent == 0)
                return RequestVoid();

            var claimed = await ClaimAsync(request.ServiceId, slotId, now, ct);
            if (claimed is null)
            {
                await tx.RollbackAsync(ct);
                return slotId is null
                    ? new Error(ErrorKind.Conflict, "appointment.none-left", "No slot is free for this service just now. New slots are released at random times: try again later.")
                    : new Error(ErrorKind.Conflict, "appointment.slot-taken", "This slot has just been taken. Choose another one.", "SlotId");
            }

            var service = await db.AppointmentServices.AsNoTracking()
                .Where(s => s.Id == request.ServiceId)
                .Select(s => new { s.RequiresPrepayment, s.PaymentWindowHours })
                .SingleAsync(ct);
            var (booking, token) = Booking.Bind(
                request.PostId, request.ServiceId, request.Identity, request.Email, request.Language, request.ApplicationCaseId, now, request.FromAddress);
            booking.Hold(claimed.Id, claimed.StartsAt, PaymentDeadline(service.RequiresPrepayment, service.PaymentWindowHours, claimed.StartsAt, now));
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

    private static Error RequestVoid() =>
        new(ErrorKind.Conflict, "appointment.request-void", "This booking session has expired or was already used. Start again.");

    /// <summary>The fee deadline when the service is prepaid: the payment window, but never past the appointment.</summary>
    public static DateTime? PaymentDeadline(AppointmentService service, Slot slot, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(slot);
        return PaymentDeadline(service.RequiresPrepayment, service.PaymentWindowHours, slot.StartsAt, now);
    }

    private static DateTime? PaymentDeadline(bool prepaid, int windowHours, DateTime startsAt, DateTime now)
    {
        if (!prepaid)
            return null;
        var deadline = now.AddHours(windowHours);
        return deadline < startsAt ? deadline : startsAt;
    }

    /// <summary>Takes one released slot with a conditional update that returns it; null when none could be taken.</summary>
    private async Task<ClaimedSlot?> ClaimAsync(int serviceId, long? slotId, DateTime now, CancellationToken ct)
    {
        var released = nameof(SlotState.Released);
        var booked = nameof(SlotState.Booked);
        // The earliest released slot: on PostgreSQL, rows other transactions are taking are skipped rather
        // than waited for, so thousands of simultaneous requests each get a different slot without queueing.
        var query = slotId is { } id
            ? db.Database.SqlQuery<ClaimedSlot>($"""
                UPDATE "Slots" SET "State" = {booked}
                WHERE "Id" = {id} AND "ServiceId" = {serviceId} AND "State" = {released} AND "StartsAt" > {now}
                RETURNING "Id", "StartsAt"
                """)
            : db.IsPostgres()
                ? db.Database.SqlQuery<ClaimedSlot>($"""
                    UPDATE "Slots" SET "State" = {booked}
                    WHERE "Id" = (SELECT "Id" FROM "Slots"
                                  WHERE "ServiceId" = {serviceId} AND "State" = {released} AND "StartsAt" > {now}
                                  ORDER BY "StartsAt", "Counter" LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING "Id", "StartsAt"
                    """)
                : db.Database.SqlQuery<ClaimedSlot>($"""
                    UPDATE "Slots" SET "State" = {booked}
                    WHERE "Id" = (SELECT "Id" FROM "Slots"
                                  WHERE "ServiceId" = {serviceId} AND "State" = {released} AND "StartsAt" > {now}
                                  ORDER BY "StartsAt", "Counter" LIMIT 1)
                    RETURNING "Id", "StartsAt"
                    """);
        var rows = await query.ToListAsync(ct);
        return rows.Count == 1 ? new ClaimedSlot { Id = rows[0].Id, StartsAt = DateTime.SpecifyKind(rows[0].StartsAt, DateTimeKind.Utc) } : null;
    }

    /// <summary>What the claim returns: the slot and its start.</summary>
    private sealed class ClaimedSlot
    {
        public long Id { get; init; }

        public DateTime StartsAt { get; init; }
    }
}
