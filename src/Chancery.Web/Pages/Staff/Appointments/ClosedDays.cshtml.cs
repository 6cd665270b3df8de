using System.ComponentModel.DataAnnotations;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments;

// The days a post receives no one. Closing a day withdraws its unbooked slots at once; the bookings already
// made on closed days are listed so that staff contact the people.
internal sealed class ClosedDaysModel(CurrentActor current, ChanceryDb db, ManageCalendar manage, AuditTrail audit, Texts texts, TimeProvider clock) : PageModel
{
    public sealed record DayRow(int Id, DateOnly Date, string Reason);

    public sealed record BookingRow(string Reference, DateTime StartsAt, string Identity, string Email, ServiceKind Service);

    public ClosedDayInput Input { get; set; } = new();

    public string PostCode { get; private set; } = "";

    public IReadOnlyList<DayRow> Days { get; private set; } = [];

    public IReadOnlyList<BookingRow> ToContact { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int postId, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        return await LoadAsync(actor, postId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(int postId, [Bind(Prefix = nameof(Input))] ClosedDayInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        if (!await LoadAsync(actor, postId, ct))
            return NotFound();
        Input = input;
        if (!ModelState.IsValid)
            return Page();
        var added = await manage.AddClosedDayAsync(actor, postId, input.Date!.Value, input.Reason, ct);
        if (!added.IsSuccess)
        {
            if (added.Error.Kind != ErrorKind.Validation)
                return NotFound();
            var key = $"calendar.error.closed.{added.Error.Field}";
            ModelState.AddModelError(added.Error.Field == "reason" ? "Input.Reason" : "Input.Date", texts.Contains(key) ? texts[key] : added.Error.Message);
            return Page();
        }

        TempData[Notice.Success] = texts["calendar.closedDays.added", added.Value.Withdrawn];
        if (added.Value.BookedOutside > 0)
            TempData[Notice.Warning] = texts["calendar.closedDays.toContact", added.Value.BookedOutside];
        return RedirectToPage(new { postId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int postId, int closedDayId, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        var removed = await manage.RemoveClosedDayAsync(actor, postId, closedDayId, ct);
        if (!removed.IsSuccess)
            return NotFound();
        TempData[Notice.Success] = texts["calendar.closedDays.removed", removed.Value.Restored];
        return RedirectToPage(new { postId });
    }

    private async Task<bool> LoadAsync(Actor actor, int postId, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || !actor.Sees(postId))
            return false;
        PostCode = post.Code;
        var zone = ReleaseWindows.Zone(post.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var since = today.AddDays(-30);
        Days = await db.ClosedDays.AsNoTracking().Where(d => d.PostId == postId && d.Date >= since).OrderBy(d => d.Date)
            .Select(d => new DayRow(d.Id, d.Date, d.Reason)).ToListAsync(ct);
        var closed = Days.Where(d => d.Date >= today).Select(d => d.Date).ToHashSet();
        var active = await (from b in db.Bookings.AsNoTracking()
                            join s in db.AppointmentServices on b.ServiceId equals s.Id
                            where b.PostId == postId && b.StartsAt > now && (b.State == BookingState.Confirmed || b.State == BookingState.AwaitingPayment)
                            orderby b.StartsAt
                            select new { Booking = b, s.Kind }).ToListAsync(ct);
        ToContact = active.Where(b => closed.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(b.Booking.StartsAt, zone))))
            .Select(b => new BookingRow(b.Booking.Reference, b.Booking.StartsAt, CheckInBooking.Mask(b.Booking.Surname, b.Booking.DocumentNumber), b.Booking.Email, b.Kind)).ToList();
        await audit.BookingsAsync("page:/staff/rendez-vous/postes/{postId}/fermetures", AuditTrail.Read, [.. ToContact.Select(b => b.Reference)],
            ["Surname", "DocumentNumber", "Email"], "appointments on closed days", ct);
        return true;
    }

    public sealed class ClosedDayInput
    {
        [Required, Display(Name = "calendar.closedDays.date")]
        public DateOnly? Date { get; set; }

        [Required, StringLength(200), Display(Name = "calendar.closedDays.reason")]
        public string Reason { get; set; } = "";
    }
}
