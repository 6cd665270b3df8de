using Chancery.Core.Cases;
using Chancery.Core.Options;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Pages.Staff.Cases;

// A printable preview of the data page of a case's live document, MRZ included.
// 404 for a case of another post, and for a case with no live document.
internal sealed class DocumentModel(CurrentActor current, ReadCase read, IOptions<ChanceryOptions> options, AuditTrail audit) : PageModel
{
    public CaseView Case { get; private set; } = null!;

    public DocumentView Document { get; private set; } = null!;

    public string IssuingState => options.Value.IssuingState;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();
        var view = await read.ExecuteAsync(id, actor, ct);
        if (!view.IsSuccess || view.Value.Document is null)
            return NotFound();
        Case = view.Value;
        Document = view.Value.Document;
        await audit.CaseAsync("page:/staff/cases/{id}/document", AuditTrail.Read, id, [.. AuditTrail.PersonFields, "Mrz", "DocumentNumber"], "issued document", ct);
        return Page();
    }
}
