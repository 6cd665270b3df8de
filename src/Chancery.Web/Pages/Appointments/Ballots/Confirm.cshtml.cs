using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments.Ballots;

// The link of a ballot's e-mails. Before the draw it shows the registration; once drawn, the slot offered and
// a button to confirm it (a POST: opening the link changes nothing), or the person's place on the waiting list.
// Confirming makes the booking, bound to the identity registered, and leads to the booking's own page.
// An offer replaces the registration's link: an old link answers 404 with a page that says so.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ConfirmModel(ConfirmBallotOffer confirm, BookingConfirmation confirmation, ChanceryDb db, TimeProvider clock, Texts texts) : PageModel
{
    public ConfirmBallotOffer.Offer? Offer { get; private set; }

    public ServiceKind Kind { get; private set; }

    public string PostName { get; private set; } = "";

    public string TimeZone { get; private set; } = "";

    public bool Prepaid { get; private set; }

    public bool CanConfirm { get; private set; }

    public string? BookingReference { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Offer is null ? Unknown() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var confirmed = await confirm.ExecuteAsync(token, ct);
        if (confirmed.IsSuccess)
        {
            var (booking, manageToken) = confirmed.Value;
            await confirmation.SendAsync(booking, $"{Request.Scheme}://{Request.Host}/rendez-vous/gerer/{manageToken}", ct);
            return Redirect($"/rendez-vous/gerer/{manageToken}?nouveau=1");
        }

        await LoadAsync(token, ct);
        if (Offer is null)
            return Unknown();
        var key = $"ballot.error.{confirmed.Error.Code}";
        ModelState.AddModelError("", texts.Contains(key) ? texts[key] : confirmed.Error.Message);
        return Page();
    }

    public string Local(DateTime utc) => AppointmentTimes.DayAndTime(AppointmentTimes.Local(utc, TimeZone));

    private PageResult Unknown()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Offer = await confirm.FindAsync(token, ct);
        if (Offer is null)
            return;
        var ballot = Offer.Ballot;
        var service = await db.AppointmentServices.AsNoTracking().Where(s => s.Id == ballot.ServiceId).Select(s => new { s.Kind, s.RequiresPrepayment }).SingleAsync(ct);
        Kind = service.Kind;
        Prepaid = service.RequiresPrepayment;
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == ballot.PostId).Select(p => new { p.Name, p.TimeZone }).SingleAsync(ct);
        PostName = post.Name;
        TimeZone = post.TimeZone;
        var entry = Offer.Entry;
        CanConfirm = entry.State == BallotEntryState.Offered && entry.ConfirmBy > clock.GetUtcNow().UtcDateTime && Offer.Slot is not null;
        if (entry.BookingId is { } bookingId)
            BookingReference = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => b.Reference).SingleOrDefaultAsync(ct);
    }
}
