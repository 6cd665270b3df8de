using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Chancery.Web.Localization;

namespace Chancery.Web.Pages.Appointments;

// The last step: the person, proved, picks one of the slots released now. Two people may pick the same
// slot at the same moment: one gets it, the other is told at once and picks again.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class SlotsModel(ChanceryDb db, VerifyBookingCode verify, BookAppointment book, BookingConfirmation confirmation, TimeProvider clock, Texts texts) : PageModel
{
    public const int Shown = 200;

    [BindProperty]
    public long? SlotId { get; set; }

    /// <summary>Set by the "earliest free slot" button: any released slot will do, the earliest first.</summary>
    [BindProperty(Name = "premier")]
    public bool Earliest { get; set; }

    public SlotChoice Choice { get; private set; } = SlotChoice.Empty;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var request = await verify.FindAsync(token, ct);
        if (request is null || request.VerifiedAt is null || request.Purpose != BookingPurpose.Book)
            return NotFound();
        Choice = await SlotChoice.LoadAsync(db, request.ServiceId, clock.GetUtcNow().UtcDateTime, Shown, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var request = await verify.FindAsync(token, ct);
        if (request is null || request.VerifiedAt is null || request.Purpose != BookingPurpose.Book)
            return NotFound();
        if (SlotId is null && !Earliest)
        {
            ModelState.AddModelError("SlotId", texts["appt.slot.choose"]);
        }
        else
        {
            var booked = await book.ExecuteAsync(request, Earliest ? null : SlotId, ct);
            if (booked.IsSuccess)
            {
                var link = $"{Request.Scheme}://{Request.Host}/rendez-vous/gerer/{booked.Value.ManageToken}";
                await confirmation.SendAsync(booked.Value.Booking, link, ct);
                return Redirect($"/rendez-vous/gerer/{booked.Value.ManageToken}?nouveau=1");
            }

            var key = "appt.error." + booked.Error.Code;
            ModelState.AddModelError(booked.Error.Field == "SlotId" ? "SlotId" : "", texts.Contains(key) ? texts[key] : booked.Error.Message);
            // Nothing left, or nothing more this request can do: no list to offer again.
            if (booked.Error.Code is "appointment.request-void" or "appointment.identity-booked" or "appointment.none-left")
            {
                Choice = SlotChoice.Empty;
                return Page();
            }
        }

        Choice = await SlotChoice.LoadAsync(db, request.ServiceId, clock.GetUtcNow().UtcDateTime, Shown, ct);
        return Page();
    }
}
