using System.Globalization;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments;

// Suspicious patterns of one of the agent's posts over the last days (GET only: choosing a post or a period
// changes nothing).
internal sealed class DashboardModel(CurrentActor current, AppointmentDashboard dashboard, ChanceryDb db, AuditTrail audit) : PageModel
{
    public AppointmentDashboard.Report Report { get; private set; } = null!;

    public string PostCode { get; private set; } = "";

    public IReadOnlyList<SelectListItem> Posts { get; private set; } = [];

    public static readonly int[] Periods = [1, 7, 14, 30, 90];

    [BindProperty(SupportsGet = true, Name = "poste")]
    public int? PostId { get; set; }

    [BindProperty(SupportsGet = true, Name = "jours")]
    public int Days { get; set; } = 14;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanSeeDashboard(actor))
            return Forbid();
        var postIds = actor.PostIds.ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        PostId ??= posts.FirstOrDefault()?.Id;
        if (PostId is null)
            return NotFound();
        Days = Math.Clamp(Days, 1, AppointmentDashboard.MaxDays);
        var result = await dashboard.ExecuteAsync(actor, PostId.Value, Days, ct);
        if (!result.IsSuccess)
            return result.Error.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        Report = result.Value;
        await audit.BookingsAsync("page:/staff/rendez-vous/tableau-de-bord", AuditTrail.Read, [.. Report.Refusals.Select(r => r.Reference)], ["Surname", "DocumentNumber"], "refusals at the door", ct);
        PostCode = posts.Single(p => p.Id == PostId).Code;
        Posts = posts.Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Id.ToString(CultureInfo.InvariantCulture), p.Id == PostId)).ToList();
        return Page();
    }
}
