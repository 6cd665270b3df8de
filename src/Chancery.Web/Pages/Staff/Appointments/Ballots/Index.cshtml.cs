using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments.Ballots;

// The ballots of the agent's posts, newest first, with their state and counts; for consuls and administrators.
internal sealed class IndexModel(CurrentActor current, ChanceryDb db) : PageModel
{
    public sealed record BallotRow(int Id, string PostCode, ServiceKind Kind, DateTime OpensAt, DateTime ClosesAt, BallotState State, int Slots, int Entries, int Confirmed);

    public IReadOnlyList<BallotRow> Ballots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        var postIds = actor.PostIds.ToList();
        var rows = await (
                from b in db.Ballots.AsNoTracking()
                join p in db.Posts on b.PostId equals p.Id
                join s in db.AppointmentServices on b.ServiceId equals s.Id
                where postIds.Contains(b.PostId)
                orderby b.OpensAt descending, b.Id descending
                select new
                {
                    b.Id, p.Code, s.Kind, b.OpensAt, b.ClosesAt, b.State,
                    SetAside = db.Slots.Count(x => x.BallotId == b.Id && x.State == SlotState.Ballot),
                    Offered = db.BallotEntries.Where(e => e.BallotId == b.Id && e.OfferedSlotId != null).Select(e => e.OfferedSlotId).Distinct().Count(),
                    Entries = db.BallotEntries.Count(e => e.BallotId == b.Id),
                    Confirmed = db.BallotEntries.Count(e => e.BallotId == b.Id && e.State == BallotEntryState.Confirmed),
                })
            .Take(200)
            .ToListAsync(ct);
        // Before the draw, the slots set aside; after it, those it offered (as in the publication).
        Ballots = rows.Select(r => new BallotRow(r.Id, r.Code, r.Kind, r.OpensAt, r.ClosesAt, r.State,
            r.State == BallotState.Drawn ? r.Offered : r.SetAside, r.Entries, r.Confirmed)).ToList();
        return Page();
    }
}
