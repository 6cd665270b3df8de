using System.Text;
using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Appointments.Ballots;

// tirage.json: what anyone needs to recompute a draw (chancery ballot verify, or docs/appointments-ballots.md).
// Before the draw there is nothing to publish: the seed is still secret.
internal sealed class PublicationModel(ChanceryDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var publication = await BallotPublication.LoadAsync(db, id, ct);
        if (publication is null)
            return NotFound();
        return File(Encoding.UTF8.GetBytes(publication.ToJson()), "application/json", $"tirage-{id}.json");
    }
}
