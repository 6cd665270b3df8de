using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Receiving a person at the door: the booking reference (typed, or scanned from the QR code) and the number
/// of the travel document presented. The visit goes ahead only if that document is the one bound at booking;
/// another document refuses the visit and flags the booking as a probable resale. The slot stays as it is.
/// </summary>
public sealed class CheckInBooking(ChanceryDb db, TimeProvider clock)
{
    /// <param name="Accepted">False when the document presented was not the bound one: visit refused, booking flagged.</param>
    public sealed record Outcome(bool Accepted, string Reference, ServiceKind Service, DateTime StartsAt, string Identity);

    public async Task<Result<Outcome>> ExecuteAsync(Actor actor, string reference, string presentedDocumentNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!AppointmentPermissions.CanCheckIn(actor))
            return Error.Forbidden("Checking in needs the role 'Clerk' or 'Consul'.");
        var normalized = BookingReferences.Normalize(reference);
        if (normalized.Length == 0)
            return Error.Validation("reference", "Type or scan the booking reference.");
        if (BoundIdentity.NormalizeDocumentNumber(presentedDocumentNumber).Length == 0)
            return Error.Validation("documentNumber", "Type the number of the travel document presented.");

        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Reference == normalized, ct);
        if (booking is null || !actor.Sees(booking.PostId))
            return Error.NotFound("The booking");
        var state = booking.State;
        if (state != BookingState.Confirmed)
        {
            return state switch
            {
                BookingState.CheckedIn => Error.Conflict("checkin.already", "This booking has already been checked in."),
                BookingState.Refused => Error.Conflict("checkin.refused", "This booking was refused at the door already."),
                BookingState.AwaitingPayment => Error.Conflict("checkin.unpaid", "The fee of this booking has not been paid: it is not confirmed."),
                _ => Error.Conflict("checkin.ended", $"This booking is no longer active ({state})."),
            };
        }

        var timeZone = await db.Posts.Where(p => p.Id == booking.PostId).Select(p => p.TimeZone).SingleAsync(ct);
        var zone = ReleaseWindows.Zone(timeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(booking.StartsAt, zone));
        if (day != today)
            return Error.Conflict("checkin.not-today", $"This appointment is on {day:yyyy-MM-dd}, not today.");

        var kind = await db.AppointmentServices.Where(s => s.Id == booking.ServiceId).Select(s => s.Kind).SingleAsync(ct);
        var accepted = booking.Identity.IsDocument(presentedDocumentNumber);
        // Two desks scanning the same booking at once: a conditional update claims it, the second finds it done.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = booking.Id;
        var claimed = await db.Bookings.Where(b => b.Id == id && b.State == BookingState.Confirmed)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.EndedAt, now), ct);
        if (claimed != 1)
            return Error.Conflict("checkin.already", "This booking has already been checked in.");
        if (accepted)
            booking.CheckIn(actor.DisplayName, now);
        else
            booking.Refuse(actor.DisplayName, "Document presented at the door does not match the bound one: probable resale", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(accepted, booking.Reference, kind, booking.StartsAt, Mask(booking.Surname, booking.DocumentNumber));
    }

    /// <summary>Surname and the last three characters of the document number, as staff screens show an identity.</summary>
    public static string Mask(string surname, string documentNumber)
    {
        ArgumentNullException.ThrowIfNull(surname);
        ArgumentNullException.ThrowIfNull(documentNumber);
        var tail = documentNumber.Length <= 3 ? documentNumber : documentNumber[^3..];
        return $"{surname} ••••{tail}";
    }
}
