using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Screening;

// The cases waiting for a security officer: in Hit, in the agent's posts, the longest waiting first, each
// with what matched best. Security officers work it; consuls and auditors watch it. The query lives here
// because this page is its only user.
internal sealed class HitsModel(CurrentActor current, ChanceryDb db, TimeProvider clock, Texts texts) : PageModel
{
    public const int Shown = 200;

    public static readonly IReadOnlySet<Role> Readers = AccessMatrix.HitReaders;

    public sealed record Row(Guid Id, string Reference, string PostCode, DateTime EnteredAt, DateTime HitAt, int Matches, BestMatch? Best);

    public sealed record BestMatch(string MatchedName, string ListName, int? ListVersion, double Score);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(Readers))
            return Forbid();

        Now = clock.GetUtcNow().UtcDateTime;
        var posts = actor.PostIds.ToList();
        var cases = from c in db.Cases.AsNoTracking()
                    join p in db.Posts on c.PostId equals p.Id
                    where posts.Contains(c.PostId) && c.State == CaseState.Hit
                    select new { c.Id, c.Reference, p.Code, c.EnteredAt };
        Total = await cases.CountAsync(ct);

        // The open hit of each case: its latest unresolved hit screening, with the match of highest score.
        var hits = await (from r in db.ScreeningResults.AsNoTracking()
                          join c in cases on r.CaseId equals c.Id
                          where r.Outcome == ScreeningOutcome.Hit && r.Resolution == null
                          select new
                          {
                              r.CaseId,
                              r.ScreenedAt,
                              Matches = r.Matches.Count,
                              Best = r.Matches.OrderByDescending(m => m.Score)
                                  .Select(m => new BestMatch(m.MatchedName, m.ListName, m.ListVersion, m.Score)).FirstOrDefault(),
                          }).ToListAsync(ct);
        var open = hits.GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.ScreenedAt)!);

        var rows = await cases.ToListAsync(ct);
        Rows = rows
            .Select(c => open.TryGetValue(c.Id, out var hit)
                ? new Row(c.Id, c.Reference, c.Code, c.EnteredAt, hit.ScreenedAt, hit.Matches, hit.Best)
                : new Row(c.Id, c.Reference, c.Code, c.EnteredAt, c.EnteredAt, 0, null))
            .OrderBy(r => r.HitAt).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Take(Shown)
            .ToList();
        return Page();
    }

    // How long a hit has waited, to the minute: "3 j 4 h", "5 h 12 min", "7 min".
    public string Waited(DateTime since)
    {
        var span = Now - since;
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        return span.TotalDays >= 1 ? texts["staff.hits.waited.days", (int)span.TotalDays, span.Hours]
            : span.TotalHours >= 1 ? texts["staff.hits.waited.hours", (int)span.TotalHours, span.Minutes]
            : texts["staff.hits.waited.minutes", (int)span.TotalMinutes];
    }
}
