using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Accounts;

// Administrators find an account by name, disable or enable it, and reset its sign-in factors (the agent then
// enrols again). Disabling or resetting ends the account's live sessions within a minute. An administrator
// cannot disable or reset their own account here: that needs a second administrator.
internal sealed class IndexModel(CurrentActor current, ChanceryDb db, UserManager<StaffUser> users, StaffAccountControl control, AuditTrail audit, Texts texts) : PageModel
{
    private const string AuditComponent = "page:/staff/comptes";

    private const int MaxRows = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Has(Role.Administrator))
            return Forbid();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        Rows = await query.OrderBy(u => u.UserName).Take(MaxRows)
            .Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.TwoFactorEnabled, u.DisabledAt != null, u.LockoutEnd))
            .ToListAsync(ct);
        await audit.AccountAsync(AuditComponent, AuditTrail.Read, Rows.Select(r => r.Id), ["UserName", "DisplayName", "TwoFactorEnabled", "DisabledAt", "LockoutEnd"], "staff accounts", ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string userId, CancellationToken ct) =>
        ActAsync(userId, control.DisableAsync, "staff.account.admin.disableDone", ["DisabledAt"], "account disabled", ct);

    public Task<IActionResult> OnPostEnableAsync(string userId, CancellationToken ct) =>
        ActAsync(userId, control.EnableAsync, "staff.account.admin.enableDone", ["DisabledAt"], "account enabled", ct);

    public Task<IActionResult> OnPostResetAsync(string userId, CancellationToken ct) =>
        ActAsync(userId, control.ResetFactorsAsync, "staff.account.admin.resetDone", AuditTrail.FactorFields, "sign-in factors reset", ct);

    private async Task<IActionResult> ActAsync(
        string userId, Func<StaffUser, Task<IdentityResult>> act, string doneKey, IReadOnlyList<string> fields, string reason, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Has(Role.Administrator))
            return Forbid();
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
            return NotFound();
        if (user.Id == actor.Id)
        {
            TempData[Notice.Error] = texts["staff.account.admin.notYourself"];
            return RedirectToPage(new { Q });
        }

        var result = await act(user);
        if (result.Succeeded)
            await audit.AccountAsync(AuditComponent, AuditTrail.Write, [user.Id], fields, reason, ct);
        TempData[result.Succeeded ? Notice.Success : Notice.Error] = result.Succeeded
            ? texts[doneKey, user.UserName ?? user.Id]
            : texts["staff.account.admin.failed"];
        return RedirectToPage(new { Q = user.UserName });
    }

    public sealed record Row(string Id, string UserName, string DisplayName, bool TwoFactor, bool Disabled, DateTimeOffset? LockoutEnd);
}
