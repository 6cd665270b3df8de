using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments;

// The booking as its holder sees it through the e-mailed link: when and where, the QR code to show at the
// door, the fee to pay where the post requires it, and the way to move (once, where allowed) or cancel.
// Viewing changes nothing; cancelling and moving are forms on their own pages.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ManageModel(ChanceryDb db, ManageBooking manage, AuditTrail audit) : PageModel
{
    public Booking? Booking { get; private set; }

    public AppointmentService? Service { get; private set; }

    public string PostName { get; private set; } = "";

    public DateTime LocalStart { get; private set; }

    public bool CanMove { get; private set; }

    public bool JustBooked { get; private set; }

    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? token, int? nouveau, CancellationToken ct)
    {
        if (token is null)
            return Page();
        Booking = await manage.FindAsync(token, ct);
        if (Booking is null)
            return NotFound();
        Service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == Booking.ServiceId, ct);
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == Booking.PostId, ct);
        PostName = post.Name;
        LocalStart = AppointmentTimes.Local(Booking.StartsAt, post.TimeZone);
        CanMove = ManageBooking.CanReschedule(Booking, Service);
        JustBooked = nouveau == 1;
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(BookingReferences.QrPng(Booking.Reference));
        await audit.ApplicantAsync("page:/rendez-vous/gerer", AuditTrail.Read, new AuditTrail.Seen("booking", Booking.Id.ToString(), "booking", Booking.Id.ToString(), ["Surname", "DocumentNumber", "IssuingState"], Booking.PostId), ct);
        return Page();
    }
}
