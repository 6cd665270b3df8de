using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments;

// Moving a booking, where the post allows one free move: another released slot of the same service.
// Only the slot changes; the identity the booking is bound to does not, and cannot.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class MoveModel(ChanceryDb db, ManageBooking manage, BookingConfirmation confirmation, TimeProvider clock, Texts texts) : PageModel
{
    [BindProperty]
    public long? SlotId { get; set; }

    public SlotChoice Choice { get; private set; } = SlotChoice.Empty;

    public bool Allowed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var booking = await manage.FindAsync(token, ct);
        if (booking is null)
            return NotFound();
        await LoadAsync(booking, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var booking = await manage.FindAsync(token, ct);
        if (booking is null)
            return NotFound();
        if (SlotId is null)
        {
            ModelState.AddModelError("SlotId", texts["appt.slot.choose"]);
        }
        else
        {
            var moved = await manage.RescheduleAsync(token, SlotId.Value, ct);
            if (moved.IsSuccess)
            {
                await confirmation.SendAsync(moved.Value, $"{Request.Scheme}://{Request.Host}/rendez-vous/gerer/{token}", ct);
                return Redirect($"/rendez-vous/gerer/{token}");
            }

            var key = "appt.error." + moved.Error.Code;
            ModelState.AddModelError(moved.Error.Field == "SlotId" ? "SlotId" : "", texts.Contains(key) ? texts[key] : moved.Error.Message);
        }

        await LoadAsync(booking, ct);
        return Page();
    }

    private async Task LoadAsync(Booking booking, CancellationToken ct)
    {
        var service = await db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == booking.ServiceId, ct);
        Allowed = ManageBooking.CanReschedule(booking, service);
        Choice = Allowed ? await SlotChoice.LoadAsync(db, booking.ServiceId, clock.GetUtcNow().UtcDateTime, SlotsModel.Shown, ct) : SlotChoice.Empty;
    }
}
