using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments;

// Where booking starts: each post's services, how their slots are given out (released progressively or
// drawn by ballot), and how many are free now. Booking is free, and the page says so first.
internal sealed class IndexModel(ChanceryDb db, TimeProvider clock) : PageModel
{
    public sealed record ServiceRow(int Id, ServiceKind Kind, ReleaseMode Release, bool RequiresApplication, bool RequiresPrepayment, long? FeeMinor, string Currency, int FreeSlots, IReadOnlyList<BallotRow> Ballots);

    public sealed record BallotRow(int Id, DateTime OpensAt, DateTime ClosesAt, BallotState State);

    public sealed record PostRow(string Code, string Name, string TimeZone, IReadOnlyList<ServiceRow> Services);

    public IReadOnlyList<PostRow> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var services = await db.AppointmentServices.AsNoTracking().Where(s => s.Active)
            .Select(s => new
            {
                s.Id, s.PostId, s.Kind, s.Release, s.RequiresApplication, s.RequiresPrepayment, s.FeeMinor, s.Currency,
                Free = db.Slots.Count(x => x.ServiceId == s.Id && x.State == SlotState.Released && x.StartsAt > now),
            })
            .ToListAsync(ct);
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.State != BallotState.Drawn || b.DrawnAt > now.AddDays(-14))
            .Select(b => new { b.ServiceId, Row = new BallotRow(b.Id, b.OpensAt, b.ClosesAt, b.State) })
            .ToListAsync(ct);
        var postIds = services.Select(s => s.PostId).Distinct().ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        Posts = posts.Select(p => new PostRow(p.Code, p.Name, p.TimeZone, services
                .Where(s => s.PostId == p.Id)
                .OrderBy(s => s.Kind)
                .Select(s => new ServiceRow(s.Id, s.Kind, s.Release, s.RequiresApplication, s.RequiresPrepayment, s.FeeMinor, s.Currency, s.Free,
                    ballots.Where(b => b.ServiceId == s.Id).Select(b => b.Row).OrderBy(b => b.OpensAt).ToList()))
                .ToList()))
            .ToList();
    }
}
