using System.Globalization;
using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments.Ballots;

// One ballot and its registrations in draw order. The person behind a registration is shown by surname and the
// last characters of the document only: enough to answer someone at the desk, not a list of identities.
internal sealed class DetailModel(CurrentActor current, ChanceryDb db, AuditTrail audit) : PageModel
{
    public sealed record EntryRow(int? Rank, BallotEntryState State, string RegistrationId, string Surname, string Document, DateTime RegisteredAt, DateTime? StartsAt, DateTime? ConfirmBy);

    public Ballot Ballot { get; private set; } = null!;

    public string PostCode { get; private set; } = "";

    public ServiceKind Kind { get; private set; }

    public int SlotsSetAside { get; private set; }

    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (ballot is null || !actor.Sees(ballot.PostId))
            return NotFound();
        Ballot = ballot;
        PostCode = await db.Posts.Where(p => p.Id == ballot.PostId).Select(p => p.Code).SingleAsync(ct);
        Kind = await db.AppointmentServices.Where(s => s.Id == ballot.ServiceId).Select(s => s.Kind).SingleAsync(ct);
        SlotsSetAside = await db.Slots.CountAsync(s => s.BallotId == id && s.State == SlotState.Ballot, ct);
        var entries = await (
                from e in db.BallotEntries.AsNoTracking()
                where e.BallotId == id
                join s in db.Slots on e.OfferedSlotId equals s.Id into offered
                from s in offered.DefaultIfEmpty()
                select new { Entry = e, StartsAt = (DateTime?)s.StartsAt })
            .ToListAsync(ct);
        Entries = entries
            .OrderBy(e => e.Entry.Rank ?? int.MaxValue).ThenBy(e => e.Entry.RegisteredAt)
            .Select(e => new EntryRow(e.Entry.Rank, e.Entry.State, e.Entry.RegistrationId, e.Entry.Surname, BookingMails.Masked(e.Entry.DocumentNumber), e.Entry.RegisteredAt, e.StartsAt, e.Entry.ConfirmBy))
            .ToList();
        await audit.StaffAsync("page:/staff/rendez-vous/tirages/{id}", AuditTrail.Read,
            entries.Select(e => new AuditTrail.Seen("ballot-entry", e.Entry.Id.ToString(CultureInfo.InvariantCulture), "ballot-entry", e.Entry.RegistrationId, ["Surname", "DocumentNumber"], ballot.PostId)),
            "ballot registrations", ct);
        return Page();
    }
}
