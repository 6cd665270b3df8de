using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Records a fee paid, from a webhook whose signature was already checked: each provider event once
/// (a replay is refused), the amount and currency must be the service's fee, and only a booking
/// still awaiting payment becomes confirmed.
/// </summary>
public sealed class ConfirmPayment(ChanceryDb db, TimeProvider clock)
{
    public async Task<Result<Booking>> ExecuteAsync(PaymentNoticeBody notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (string.IsNullOrWhiteSpace(notice.EventId) || notice.EventId.Length > 100)
            return Error.Validation("eventId", "The event id is missing or longer than 100 characters.");
        if (notice.PaymentReference is null || notice.PaymentReference.Length > 100)
            return Error.Validation("paymentReference", "The payment reference is missing or longer than 100 characters.");
        var reference = BookingReferences.Normalize(notice.BookingReference);
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (booking is null)
            return Error.NotFound("The booking");
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == booking.ServiceId, ct);
        if (!string.Equals(notice.Status, "succeeded", StringComparison.Ordinal))
            return new Error(ErrorKind.Validation, "payment.not-succeeded", "Only a succeeded payment confirms a booking.", "status");
        if (service.FeeMinor != notice.AmountMinor || !string.Equals(service.Currency, notice.Currency, StringComparison.OrdinalIgnoreCase))
            return new Error(ErrorKind.Validation, "payment.amount", "The amount paid is not the service's fee.", "amountMinor");

        var now = clock.GetUtcNow().UtcDateTime;
        db.PaymentNotices.Add(new PaymentNotice { EventId = notice.EventId, BookingReference = booking.Reference, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e))
        {
            return new Error(ErrorKind.Conflict, "payment.replayed", "This payment notice was already received.");
        }

        if (booking.State != BookingState.AwaitingPayment || booking.PaymentDeadline <= now)
            return new Error(ErrorKind.Conflict, "payment.too-late", "The booking is no longer awaiting payment; the payment must be refunded.");
        booking.MarkPaid(notice.PaymentReference, now);
        await db.SaveChangesAsync(ct);
        return booking;
    }
}
