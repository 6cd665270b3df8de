using Chancery.Core.Data;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Watchlists;

/// <summary>The lookout lists: their current versions, every import attempt and the state of this process's screening index, for security officers and administrators.</summary>
internal sealed class IndexModel(ChanceryDb db, CurrentActor current, ScreeningIndexHolder holder) : PageModel
{
    public sealed record ListRow(string Name, string? Format, int Version, int Individuals, int Aliases, DateTime ChangedAt);

    public sealed record ImportRow(string ListName, string Format, string? FileName, DateTime StartedAt, DateTime? FinishedAt, bool Succeeded, int? Version, int Individuals, int Aliases, int Skipped, string? Message);

    public IReadOnlyList<ListRow> Lists { get; private set; } = [];

    public IReadOnlyList<ImportRow> Imports { get; private set; } = [];

    // The index this process screens with (null before its first build) and whether a new one is being built.
    public ScreeningSnapshot? Index { get; private set; }

    public bool Rebuilding { get; private set; }

    // True when the index was built from the list versions in the database now: screenings use it as it is.
    public bool IndexCurrent => Index is { } index
        && index.ListVersions.Count == Lists.Count
        && Lists.All(l => index.ListVersions.TryGetValue(l.Name, out var v) && v == l.Version);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.WatchlistReaders))
            return Forbid();

        Lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.Name)
            .Select(w => new ListRow(w.Name, w.Format, w.Version, w.Individuals, w.Aliases, w.ChangedAt)).ToListAsync(ct);
        Imports = await db.WatchlistImports.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(50)
            .Select(i => new ImportRow(i.ListName, i.Format, i.FileName, i.StartedAt, i.FinishedAt, i.Succeeded, i.Version, i.Individuals, i.Aliases, i.Skipped, i.Message))
            .ToListAsync(ct);
        Index = holder.Current;
        Rebuilding = holder.Rebuilding;
        return Page();
    }
}
