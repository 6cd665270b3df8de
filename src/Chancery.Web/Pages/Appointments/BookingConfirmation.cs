using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments;

/// <summary>Sends the confirmation of a booking just made or moved. A mail that cannot be sent does not undo the booking: the page shows it too.</summary>
internal sealed partial class BookingConfirmation(ChanceryDb db, IMailSender mail, Texts texts, ILogger<BookingConfirmation> log)
{
    public async Task SendAsync(Booking booking, string manageLink, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == booking.PostId).Select(p => new { p.Name, p.TimeZone }).SingleAsync(ct);
        var kind = await db.AppointmentServices.AsNoTracking().Where(s => s.Id == booking.ServiceId).Select(s => s.Kind).SingleAsync(ct);
        try
        {
            await mail.SendAsync(
                BookingMails.Confirmation(booking, post.Name, post.TimeZone, texts.Get($"appt.service.{kind}", booking.Language), manageLink),
                ct);
        }
        catch (MailNotSentException e)
        {
            LogNotSent(log, booking.Reference, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The confirmation of booking {Reference} could not be sent")]
    private static partial void LogNotSent(ILogger logger, [Personal] string reference, Exception exception);
}
