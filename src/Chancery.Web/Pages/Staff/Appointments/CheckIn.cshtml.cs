using System.ComponentModel.DataAnnotations;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Staff.Appointments;

// The desk at the door: the booking reference (typed, or read from the QR code by a scanner that types like a
// keyboard) and the number of the document presented. The verdict shows at the top of a fresh form.
internal sealed class CheckInModel(CurrentActor current, CheckInBooking checkIn, Texts texts, AuditTrail audit) : PageModel
{
    public CheckInInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return actor is null || !AppointmentPermissions.CanCheckIn(actor) ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] CheckInInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanCheckIn(actor))
            return Forbid();
        Input = input;
        if (!ModelState.IsValid)
            return Page();

        var result = await checkIn.ExecuteAsync(actor, input.Reference, input.DocumentNumber, ct);
        if (!result.IsSuccess)
        {
            var error = result.Error;
            if (error.Kind == ErrorKind.Forbidden)
                return Forbid();
            // Another post's booking is "not found" too: the desk learns nothing of other posts.
            var key = error.Kind == ErrorKind.NotFound ? "checkin.error.notFound" : $"checkin.error.{error.Code}";
            ModelState.AddModelError(error.Field == "documentNumber" ? "Input.DocumentNumber" : "Input.Reference", texts.Contains(key) ? texts[key] : error.Message);
            return Page();
        }

        var o = result.Value;
        await audit.BookingAsync("page:/staff/rendez-vous/accueil", AuditTrail.Write, o.Reference, ["Surname", "DocumentNumber", "State"], "check-in", ct);
        var what = texts["checkin.booking", o.Reference, o.Identity, texts[$"calendar.kind.{o.Service}"], StaffFormat.When(o.StartsAt)];
        if (o.Accepted)
            TempData[Notice.Success] = texts["checkin.accepted", what];
        else
            TempData[Notice.Error] = texts["checkin.refused", what];
        return RedirectToPage();
    }

    public sealed class CheckInInput
    {
        [Required, StringLength(200), Display(Name = "checkin.reference", Description = "checkin.reference.hint")]
        public string Reference { get; set; } = "";

        [Required, StringLength(40), Display(Name = "checkin.documentNumber", Description = "checkin.documentNumber.hint")]
        public string DocumentNumber { get; set; } = "";
    }
}
