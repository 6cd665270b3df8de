using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// A winner confirms the slot offered: a booking bound to the identity they registered with takes the slot,
/// in one transaction with the entry's confirmation. The unique indexes on bookings (one active booking per
/// slot, one per identity and service) make a duplicate impossible; the person is told if they already hold
/// an appointment for the service.
/// </summary>
public sealed class ConfirmBallotOffer(ChanceryDb db, TimeProvider clock)
{
    /// <summary>What the link of an offer leads to.</summary>
    public sealed record Offer(BallotEntry Entry, Ballot Ballot, Slot? Slot);

    /// <summary>The booking made and the token of its manage link (not kept: only its hash is).</summary>
    public sealed record Confirmed(Booking Booking, string ManageToken);

    /// <summary>The entry behind a link's token, with its ballot and the slot it was offered; null for an unknown or replaced link.</summary>
    public async Task<Offer?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return null;
        var hash = Secrets.Hash(token);
        var entry = await db.BallotEntries.AsNoTracking().SingleOrDefaultAsync(e => e.ManageTokenHash == hash, ct);
        if (entry is null)
            return null;
        var ballot = await db.Ballots.AsNoTracking().SingleAsync(b => b.Id == entry.BallotId, ct);
        var slot = entry.OfferedSlotId is { } slotId ? await db.Slots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId, ct) : null;
        return new Offer(entry, ballot, slot);
    }

    public async Task<Result<Confirmed>> ExecuteAsync(string? token, CancellationToken ct)
    {
        var offer = await FindAsync(token, ct);
        if (offer is null)
            return Error.NotFound("The offer");
        var (entry, ballot, slot) = offer;
        var now = clock.GetUtcNow().UtcDateTime;
        if (entry.State == BallotEntryState.Confirmed)
            return Error.Conflict("ballot.confirmed", "This slot is already confirmed.");
        if (entry.State == BallotEntryState.Lapsed || (entry.State == BallotEntryState.Offered && entry.ConfirmBy <= now))
            return Error.Conflict("ballot.offer-lapsed", "The deadline to confirm this slot has passed: it was offered to the next person drawn.");
        if (entry.State != BallotEntryState.Offered || slot is null)
            return Error.Conflict("ballot.not-offered", "No slot is offered to this registration.");
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == ballot.ServiceId, ct);

        var (booking, manageToken) = Booking.Bind(
            ballot.PostId, ballot.ServiceId, entry.Identity, entry.Email, entry.Language, entry.ApplicationCaseId, now, ballotEntryId: entry.Id);
        booking.Hold(slot, BookAppointment.PaymentDeadline(service, slot, now));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The entry first: a lapse running at the same moment either finds it confirmed or wins and this fails.
        var confirmed = await db.BallotEntries
            .Where(e => e.Id == entry.Id && e.State == BallotEntryState.Offered && e.ConfirmBy > now && e.OfferedSlotId == slot.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, BallotEntryState.Confirmed).SetProperty(e => e.BookingId, booking.Id), ct);
        if (confirmed == 0)
            return Error.Conflict("ballot.offer-lapsed", "The deadline to confirm this slot has passed: it was offered to the next person drawn.");
        var taken = await db.Slots
            .Where(s => s.Id == slot.Id && s.State == SlotState.Ballot && s.BallotId == ballot.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Booked), ct);
        if (taken == 0)
        {
            await tx.RollbackAsync(ct);
            return Error.Conflict("ballot.not-offered", "No slot is offered to this registration.");
        }

        db.Bookings.Add(booking);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Error(ErrorKind.Conflict, "ballot.identity-booked",
                "This travel document already has an appointment for this service. Cancel it first to take the slot drawn.");
        }

        await tx.CommitAsync(ct);
        return new Confirmed(booking, manageToken);
    }
}
