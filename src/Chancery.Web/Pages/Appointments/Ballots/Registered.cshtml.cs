using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments.Ballots;

// Where a person lands once registered: their registration id, the commitment, and when the draw is. The
// registration id is random and becomes public with the draw, so the page shows nothing else about the person;
// after the draw it says their rank.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class RegisteredModel(ChanceryDb db) : PageModel
{
    public string RegistrationId { get; private set; } = "";

    public int? Rank { get; private set; }

    public BallotEntryState State { get; private set; }

    public Ballot Ballot { get; private set; } = null!;

    public ServiceKind Kind { get; private set; }

    public string PostName { get; private set; } = "";

    public string TimeZone { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string registrationId, CancellationToken ct)
    {
        if (registrationId is not { Length: 16 } || !registrationId.All(char.IsAsciiHexDigitLower))
            return NotFound();
        var entry = await db.BallotEntries.AsNoTracking()
            .Where(e => e.RegistrationId == registrationId)
            .Select(e => new { e.BallotId, e.Rank, e.State })
            .SingleOrDefaultAsync(ct);
        if (entry is null)
            return NotFound();
        RegistrationId = registrationId;
        Rank = entry.Rank;
        State = entry.State;
        Ballot = await db.Ballots.AsNoTracking().SingleAsync(b => b.Id == entry.BallotId, ct);
        Kind = await db.AppointmentServices.AsNoTracking().Where(s => s.Id == Ballot.ServiceId).Select(s => s.Kind).SingleAsync(ct);
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == Ballot.PostId).Select(p => new { p.Name, p.TimeZone }).SingleAsync(ct);
        PostName = post.Name;
        TimeZone = post.TimeZone;
        return Page();
    }

    public string Local(DateTime utc) => AppointmentTimes.DayAndTime(AppointmentTimes.Local(utc, TimeZone));
}
