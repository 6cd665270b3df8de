using Chancery.Core.Appointments;
using Chancery.Core.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Appointments;

// Cancelling asks first (GET shows the question, only the POST cancels), so a link opened by a mail
// scanner or by mistake cancels nothing. The slot goes back to the pool of later random releases.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class CancelModel(ManageBooking manage, IMailSender mail) : PageModel
{
    public Booking? Booking { get; private set; }

    public bool Cancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Booking = await manage.FindAsync(token, ct);
        return Booking is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await manage.CancelAsync(token, ct);
        if (!result.IsSuccess)
        {
            if (result.Error.Kind == Chancery.Core.Common.ErrorKind.NotFound)
                return NotFound();
            Booking = await manage.FindAsync(token, ct);
            ModelState.AddModelError("", result.Error.Message);
            return Page();
        }

        Booking = result.Value;
        Cancelled = true;
        try
        {
            await mail.SendAsync(BookingMails.Cancelled(Booking), ct);
        }
        catch (MailNotSentException)
        {
            // The cancellation stands; the page says so.
        }

        return Page();
    }
}
