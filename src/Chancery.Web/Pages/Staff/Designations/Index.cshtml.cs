using System.ComponentModel.DataAnnotations;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Designations;

// A consul sees who works for their posts, designates an agent for a dated period and ends a designation.
// An agent sees a post's cases only while designated for it (LoadActor reads these rows on every request).
internal sealed class IndexModel(CurrentActor current, DesignateAgent designate, ChanceryDb db, TimeProvider clock, Texts texts) : PageModel
{
    public DesignateInput Designate { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Users { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Posts { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.Designators))
            return Forbid();
        Designate = new DesignateInput { ValidFrom = Today, ValidUntil = Today.AddYears(1).AddDays(-1) };
        await LoadAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDesignateAsync([Bind(Prefix = nameof(Designate))] DesignateInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.Designators))
            return Forbid();
        Designate = input;
        if (!ModelState.IsValid)
            return await RedisplayAsync(actor, ct);

        var postIds = actor.PostIds.ToList();
        var postId = await db.Posts.Where(p => p.Code == input.PostCode && postIds.Contains(p.Id)).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        var made = postId is null
            ? Error.Validation("postCode", "Not a post of this consul.")
            : await designate.ExecuteAsync(input.UserId, postId.Value, input.ValidFrom!.Value, input.ValidUntil!.Value, actor, ct);
        if (!made.IsSuccess)
        {
            var error = made.Error;
            // DesignateAgent decides; the page only says it in the agent's language.
            var (key, text) = error.Field switch
            {
                "userId" => ("Designate.UserId", texts["staff.designations.error.userId"]),
                "validUntil" when input.ValidUntil < input.ValidFrom => ("Designate.ValidUntil", texts["staff.designations.error.beforeStart"]),
                "validUntil" => ("Designate.ValidUntil", texts["staff.designations.error.tooLong"]),
                _ => ("Designate.PostCode", texts["staff.designations.error.postCode"]),
            };
            ModelState.AddModelError(key, text);
            return await RedisplayAsync(actor, ct);
        }

        TempData[Notice.Success] = texts["staff.designations.done"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid designationId, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.Designators))
            return Forbid();
        var designation = await db.Designations.SingleOrDefaultAsync(d => d.Id == designationId, ct);
        // A designation at a post the consul does not work for does not exist for them.
        if (designation is null || !actor.Sees(designation.PostId))
            return NotFound();
        if (designation.EndedAt is null)
        {
            designation.End(clock.GetUtcNow().UtcDateTime, Today);
            await db.SaveChangesAsync(ct);
        }

        TempData[Notice.Success] = texts["staff.designations.ended"];
        return RedirectToPage();
    }

    private async Task<IActionResult> RedisplayAsync(Actor actor, CancellationToken ct)
    {
        await LoadAsync(actor, ct);
        return Page();
    }

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        var postIds = actor.PostIds.ToList();
        Posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Code)).ToListAsync(ct);
        Users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.UserName + ")", u.Id)).ToListAsync(ct);
        var rows = await (from d in db.Designations.AsNoTracking()
                          join u in db.Users on d.UserId equals u.Id
                          join p in db.Posts on d.PostId equals p.Id
                          where postIds.Contains(d.PostId)
                          orderby p.Code, u.DisplayName, d.ValidFrom
                          select new { d.Id, u.DisplayName, u.UserName, p.Code, d.ValidFrom, d.ValidUntil, d.DesignatedBy, d.EndedAt })
            .ToListAsync(ct);
        var byIds = rows.Select(r => r.DesignatedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = Today;
        Rows = rows.Select(r => new Row(
            r.Id, r.DisplayName, r.UserName ?? "", r.Code, r.ValidFrom, r.ValidUntil, names.GetValueOrDefault(r.DesignatedBy, r.DesignatedBy), r.EndedAt,
            r.EndedAt is not null ? "ended" : r.ValidUntil < today ? "expired" : r.ValidFrom > today ? "future" : "active")).ToList();
    }

    public sealed record Row(Guid Id, string DisplayName, string UserName, string PostCode, DateOnly ValidFrom, DateOnly ValidUntil, string DesignatedBy, DateTime? EndedAt, string Status)
    {
        public bool CanEnd => Status is "active" or "future";
    }

    public sealed class DesignateInput
    {
        [Required, StringLength(450), Display(Name = "staff.designations.agent")]
        public string UserId { get; set; } = "";

        [Required, StringLength(8), Display(Name = "staff.designations.post")]
        public string PostCode { get; set; } = "";

        [Required, Display(Name = "staff.designations.from")]
        public DateOnly? ValidFrom { get; set; }

        [Required, Display(Name = "staff.designations.until")]
        public DateOnly? ValidUntil { get; set; }
    }
}
