using Chancery.Core.Applications.Uploads;
using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Cases;

// A document an applicant uploaded, for staff who see the case: always a download, with the type found in
// its bytes, never shown inline, so a crafted file cannot run in the back office.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class UploadedDocumentModel(CurrentActor current, ReadCase read, ChanceryDb db, UploadStore store, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();
        if (!(await read.ExecuteAsync(id, actor, ct)).IsSuccess)
            return NotFound();
        var document = await db.ApplicationDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.CaseId == id, ct);
        if (document is null)
            return NotFound();
        var extension = document.ContentType switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "application/pdf" => ".pdf",
            _ => ".bin",
        };
        var content = store.OpenRead(document.StoredName);
        await audit.CaseAsync("page:/staff/cases/{id}/documents/{documentId}", AuditTrail.Read, id, ["Upload:" + document.Slot], "uploaded document", ct);
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(content, document.ContentType, $"{document.Slot}{extension}".ToLowerInvariant());
    }
}
