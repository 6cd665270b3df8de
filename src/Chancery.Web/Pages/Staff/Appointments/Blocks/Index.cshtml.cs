using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments.Blocks;

// Addresses refused by the appointment pages: blocks in force, then those of the last week (ended or lifted),
// with the reason in words. A consul or an administrator lifts a block in force; blocks belong to no post.
internal sealed class IndexModel(CurrentActor current, ChanceryDb db, AbuseGuard guard, TimeProvider clock, Texts texts) : PageModel
{
    private static readonly TimeSpan Recent = TimeSpan.FromDays(7);
    private const int MaxRows = 200;

    public IReadOnlyList<BlockRow> InForce { get; private set; } = [];

    public IReadOnlyList<BlockRow> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageBlocks(actor))
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(int blockId, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageBlocks(actor))
            return Forbid();
        var address = await db.AddressBlocks.Where(b => b.Id == blockId).Select(b => b.Address).SingleOrDefaultAsync(ct);
        if (address is null)
            return NotFound();
        if (!await guard.LiftAsync(blockId, actor.DisplayName, ct))
        {
            ModelState.AddModelError("", texts["blocks.error.notInForce", address]);
            await LoadAsync(ct);
            return Page();
        }

        TempData[Notice.Success] = texts["blocks.lifted", address];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Recent;
        var rows = await db.AddressBlocks.AsNoTracking()
            .Where(b => b.Until > since || (b.LiftedAt != null && b.LiftedAt > since))
            .OrderByDescending(b => b.BlockedAt)
            .Take(MaxRows)
            .Select(b => new BlockRow(b.Id, b.Address, b.Reason, b.BlockedAt, b.Until, b.LiftedAt, b.LiftedBy))
            .ToListAsync(ct);
        InForce = rows.Where(r => r.LiftedAt is null && r.Until > now).ToList();
        Past = rows.Where(r => r.LiftedAt is not null || r.Until <= now).ToList();
    }

    public sealed record BlockRow(int Id, string Address, string Reason, DateTime BlockedAt, DateTime Until, DateTime? LiftedAt, string? LiftedBy);
}
