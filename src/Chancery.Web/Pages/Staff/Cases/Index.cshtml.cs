using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Cases;

// The cases of the posts the agent works for today. Filters come in the query string: they change nothing.
internal sealed class IndexModel(CurrentActor current, ListCases list, ChanceryDb db, Texts texts, AuditTrail audit) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true), StringLength(8), Display(Name = "staff.cases.filter.post")]
    public string? Post { get; set; }

    [BindProperty(SupportsGet = true), Display(Name = "staff.cases.filter.state")]
    public CaseState? State { get; set; }

    [BindProperty(SupportsGet = true), Range(1, 3650), Display(Name = "staff.cases.filter.olderThan", Description = "staff.cases.filter.olderThan.hint")]
    public int? OlderThan { get; set; }

    [BindProperty(SupportsGet = true), Range(1, 100_000)]
    public int? PageNumber { get; set; }

    public ListCases.Page Cases { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<SelectListItem> Posts { get; private set; } = [];

    public IReadOnlyList<SelectListItem> States { get; private set; } = [];

    public bool CanEnterCases { get; private set; }

    public int PageCount => Math.Max(1, (Cases.Total + Cases.PageSize - 1) / Cases.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();

        var postIds = actor.PostIds.ToList();
        Posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Code)).ToListAsync(ct);
        States = Enum.GetValues<CaseState>().Select(s => new SelectListItem(texts[$"staff.state.{s}"], s.ToString())).ToList();
        CanEnterCases = actor.Has(Role.Clerk);

        // A filter that is not valid (a made-up state, a negative age) is reported above the list and left out.
        bool Valid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;
        var filter = new ListCases.Filter(
            Valid(nameof(Post)) ? Post : null,
            Valid(nameof(State)) ? State : null,
            Valid(nameof(OlderThan)) ? OlderThan : null,
            Valid(nameof(PageNumber)) ? PageNumber ?? 1 : 1,
            PageSize);
        Cases = await list.ExecuteAsync(filter, actor, ct);
        await audit.CasesAsync("page:/staff/cases", Cases.Rows.Select(r => r.Id).ToList(), AuditTrail.NameFields, "case list", ct);
        return Page();
    }

    // The query string of this list at another page, for the pager's links.
    public Dictionary<string, string> QueryFor(int page)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(Post))
            values[nameof(Post)] = Post;
        if (State is { } state)
            values[nameof(State)] = state.ToString();
        if (OlderThan is { } days)
            values[nameof(OlderThan)] = days.ToString(CultureInfo.InvariantCulture);
        values[nameof(PageNumber)] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}
