using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments.Ballots;

// Announcing a ballot: a balloted service of the agent's posts, the registration window (UTC, as the back
// office writes instants), the hours winners have to confirm and the days whose pool slots are drawn.
internal sealed class NewModel(CurrentActor current, ChanceryDb db, CreateBallot create, Texts texts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BallotInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        Input = new BallotInput
        {
            OpensAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(1),
            ClosesAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddDays(7),
            ConfirmHours = 48,
            SlotsFrom = today.AddDays(14),
            SlotsTo = today.AddDays(20),
        };
        await LoadAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        if (!ModelState.IsValid)
        {
            await LoadAsync(actor, ct);
            return Page();
        }

        var created = await create.ExecuteAsync(
            new CreateBallot.Request(Input.ServiceId!.Value, Input.OpensAt!.Value, Input.ClosesAt!.Value, Input.ConfirmHours!.Value, Input.SlotsFrom!.Value, Input.SlotsTo!.Value),
            actor, ct);
        if (!created.IsSuccess)
        {
            var error = created.Error;
            if (error.Kind == ErrorKind.Forbidden)
                return Forbid();
            var field = error.Kind == ErrorKind.NotFound || error.Field is not { Length: > 0 } ? "ServiceId" : char.ToUpperInvariant(error.Field[0]) + error.Field[1..];
            var key = $"ballot.staff.error.{(error.Kind == ErrorKind.NotFound ? "service" : error.Code == "validation" ? error.Field : error.Code)}";
            ModelState.AddModelError("Input." + field, texts.Contains(key) ? texts[key] : error.Message);
            await LoadAsync(actor, ct);
            return Page();
        }

        TempData[Notice.Success] = texts["ballot.staff.created", created.Value.Slots];
        return Redirect($"/staff/rendez-vous/tirages/{created.Value.Ballot.Id}");
    }

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        var postIds = actor.PostIds.ToList();
        var services = await (
                from s in db.AppointmentServices.AsNoTracking()
                join p in db.Posts on s.PostId equals p.Id
                where postIds.Contains(s.PostId) && s.Release == ReleaseMode.Ballot
                orderby p.Code, s.Kind
                select new { s.Id, p.Code, s.Kind })
            .ToListAsync(ct);
        Services = services.Select(s => new SelectListItem($"{s.Code} – {texts[$"appt.service.{s.Kind}"]}", s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    public sealed class BallotInput
    {
        [Required, Display(Name = "ballot.staff.service", Description = "ballot.staff.service.hint")]
        public int? ServiceId { get; set; }

        [Required, Display(Name = "ballot.staff.opensAt", Description = "ballot.staff.utc.hint")]
        public DateTime? OpensAt { get; set; }

        [Required, Display(Name = "ballot.staff.closesAt", Description = "ballot.staff.utc.hint")]
        public DateTime? ClosesAt { get; set; }

        [Required, Range(1, CreateBallot.MaxConfirmHours), Display(Name = "ballot.staff.confirmHours", Description = "ballot.staff.confirmHours.hint")]
        public int? ConfirmHours { get; set; }

        [Required, Display(Name = "ballot.staff.slotsFrom", Description = "ballot.staff.slots.hint")]
        public DateOnly? SlotsFrom { get; set; }

        [Required, Display(Name = "ballot.staff.slotsTo", Description = "ballot.staff.slots.hint")]
        public DateOnly? SlotsTo { get; set; }
    }
}
