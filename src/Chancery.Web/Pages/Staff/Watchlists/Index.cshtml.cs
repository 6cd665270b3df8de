using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Watchlists;

/// <summary>The lookout lists: their current versions and every import attempt, for security officers and administrators.</summary>
internal sealed class IndexModel(ChanceryDb db, CurrentActor current) : PageModel
{
    public sealed record ListRow(string Name, string? Format, int Version, int Individuals, int Aliases, DateTime ChangedAt);

    public sealed record ImportRow(string ListName, string Format, string? FileName, DateTime StartedAt, DateTime? FinishedAt, bool Succeeded, int? Version, int Individuals, int Aliases, int Skipped, string? Message);

    public IReadOnlyList<ListRow> Lists { get; private set; } = [];

    public IReadOnlyList<ImportRow> Imports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !(actor.Has(Role.SecurityOfficer) || actor.Has(Role.Administrator) || actor.Has(Role.Auditor)))
            return Forbid();

        Lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.Name)
            .Select(w => new ListRow(w.Name, w.Format, w.Version, w.Individuals, w.Aliases, w.ChangedAt)).ToListAsync(ct);
        Imports = await db.WatchlistImports.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(50)
            .Select(i => new ImportRow(i.ListName, i.Format, i.FileName, i.StartedAt, i.FinishedAt, i.Succeeded, i.Version, i.Individuals, i.Aliases, i.Skipped, i.Message))
            .ToListAsync(ct);
        return Page();
    }
}
