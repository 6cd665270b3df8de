using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments.Ballots;

// A ballot as anyone sees it: the service, the post, the window, the number of slots and the commitment from
// the start; once drawn, the seed and every registration id in draw order, with the publication to check it.
// No name, document or address is ever shown here: registration ids are random.
internal sealed class ShowModel(ChanceryDb db, TimeProvider clock) : PageModel
{
    public Ballot Ballot { get; private set; } = null!;

    public string PostName { get; private set; } = "";

    public string TimeZone { get; private set; } = "";

    public ServiceKind Kind { get; private set; }

    public int Slots { get; private set; }

    public int Registrations { get; private set; }

    public bool IsOpen { get; private set; }

    public BallotPublication? Publication { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (ballot is null)
            return NotFound();
        Ballot = ballot;
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == ballot.PostId).Select(p => new { p.Name, p.TimeZone }).SingleAsync(ct);
        PostName = post.Name;
        TimeZone = post.TimeZone;
        Kind = await db.AppointmentServices.AsNoTracking().Where(s => s.Id == ballot.ServiceId).Select(s => s.Kind).SingleAsync(ct);
        Registrations = await db.BallotEntries.CountAsync(e => e.BallotId == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        IsOpen = ballot.State != BallotState.Drawn && ballot.OpensAt <= now && now < ballot.ClosesAt;
        Publication = await BallotPublication.LoadAsync(db, id, ct);
        Slots = Publication?.Slots ?? await db.Slots.CountAsync(s => s.BallotId == id && s.State == SlotState.Ballot, ct);
        return Page();
    }

    public string Local(DateTime utc) => AppointmentTimes.DayAndTime(AppointmentTimes.Local(utc, TimeZone));
}
