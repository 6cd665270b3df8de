using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chancery.Core.Audit;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Pages.Staff.Audit;

// The audit log for auditors (and administrators): who read or changed whose data, newest first, filtered
// in the query string; the latest signed checkpoint and whether its signature verifies; on request, the
// whole log checked as `chancery audit verify` does. Nothing here changes anything.
internal sealed class IndexModel(CurrentActor current, ChanceryDb db, VerifyAuditLog verify, IOptions<AuditOptions> options, IHostEnvironment environment) : PageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlySet<Role> Readers = AccessMatrix.AuditReaders;

    [BindProperty(SupportsGet = true), StringLength(128), Display(Name = "staff.audit.filter.actor", Description = "staff.audit.filter.actor.hint")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true), StringLength(128), Display(Name = "staff.audit.filter.component", Description = "staff.audit.filter.component.hint")]
    public string? Component { get; set; }

    [BindProperty(SupportsGet = true), StringLength(64), Display(Name = "staff.audit.filter.subject", Description = "staff.audit.filter.subject.hint")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "staff.audit.filter.from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "staff.audit.filter.to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true), Range(1, 1_000_000)]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Check { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public AuditCheckpoint? Latest { get; private set; }

    public long LogSize { get; private set; }

    // Whether the latest checkpoint's signature verifies with the configured public key; null without a key.
    public bool? LatestVerifies { get; private set; }

    // The whole log checked, when asked for.
    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(Readers))
            return Forbid();

        var keys = AuditVerifyKey.AllFromFile(options.Value.VerifyKeyPath(environment.ContentRootPath));
        try
        {
            Latest = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(ct);
            LogSize = await db.AuditEntries.CountAsync(ct);
            LatestVerifies = Latest is null || keys.Count == 0 ? null : keys.Any(k => k.Verifies(Latest));
            if (Check)
                Verification = await verify.ExecuteAsync(keys, ct);
        }
        finally
        {
            foreach (var key in keys)
                key.Dispose();
        }

        bool Valid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;
        var query = db.AuditEntries.AsNoTracking();
        if (Valid(nameof(Actor)) && !string.IsNullOrWhiteSpace(Actor))
        {
            var who = Actor.Trim();
            query = query.Where(e => e.ActorId == who || e.ActorName.Contains(who));
        }

        if (Valid(nameof(Component)) && !string.IsNullOrWhiteSpace(Component))
        {
            var what = Component.Trim();
            query = query.Where(e => e.Component.StartsWith(what));
        }

        if (Valid(nameof(Subject)) && !string.IsNullOrWhiteSpace(Subject))
        {
            var whose = Subject.Trim();
            query = query.Where(e => e.SubjectId == whose || e.RecordId == whose);
        }

        if (Valid(nameof(From)) && From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }

        if (Valid(nameof(To)) && To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }

        Total = await query.CountAsync(ct);
        CurrentPage = Math.Min(Valid(nameof(PageNumber)) ? PageNumber ?? 1 : 1, PageCount);
        Entries = await query.OrderByDescending(e => e.Seq).Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    // The query string of this list at another page, for the pager's links.
    public Dictionary<string, string> QueryFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Actor))
            values[nameof(Actor)] = Actor;
        if (!string.IsNullOrEmpty(Component))
            values[nameof(Component)] = Component;
        if (!string.IsNullOrEmpty(Subject))
            values[nameof(Subject)] = Subject;
        if (From is { } from)
            values[nameof(From)] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (To is { } to)
            values[nameof(To)] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values[nameof(PageNumber)] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
