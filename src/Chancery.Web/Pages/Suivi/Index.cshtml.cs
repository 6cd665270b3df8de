using System.ComponentModel.DataAnnotations;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Suivi;

// The public status of an application: the case reference and the applicant's date of birth, together.
// When they do not both match, the answer is the same whatever was wrong, so the page cannot be used
// to learn whether a reference exists. The state is said in plain words; a security-check hit is never
// shown: to the applicant the case is simply being examined.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class IndexModel(ChanceryDb db, AuditTrail audit) : PageModel
{
    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public bool Asked { get; private set; }

    // The plain-words status key (suivi.status.examining...), or null when nothing matched.
    public string? Status { get; private set; }

    public CaseKind? Kind { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();

        Asked = true;
        var reference = Input.Reference.Trim().ToUpperInvariant();
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Reference == reference)
            .Select(c => new { c.Id, c.PostId, c.ApplicantId, c.State, c.Applicant, Kind = EF.Property<string>(c, "CaseType") })
            .SingleOrDefaultAsync(ct);
        if (found is not null && PartialDate.TryParse(Input.BirthDate, out var given) && given.ToString() == found.Applicant.BirthDate)
        {
            Status = StatusOf(found.State);
            Kind = Enum.TryParse<CaseKind>(found.Kind, out var kind) ? kind : null;
            await audit.ApplicantAsync("page:/suivi", AuditTrail.Read, new AuditTrail.Seen("case", found.Id.ToString(), "person", found.ApplicantId.ToString(), ["State"], found.PostId), ct);
        }

        return Page();
    }

    public static string StatusOf(CaseState state) => state switch
    {
        CaseState.Submitted or CaseState.ChecksPending or CaseState.ChecksCleared or CaseState.Hit or CaseState.HitResolved => "examining",
        CaseState.Approved => "approved",
        CaseState.Refused => "refused",
        CaseState.Printed => "ready",
        CaseState.Issued => "issued",
        CaseState.Dispatched => "dispatched",
        CaseState.Delivered => "delivered",
        CaseState.Closed => "closed",
        CaseState.Withdrawn => "withdrawn",
        CaseState.Invalidated => "invalidated",
        _ => "examining",
    };

    public sealed class StatusInput
    {
        [Required, StringLength(32), Display(Name = "suivi.reference", Description = "suivi.reference.hint")]
        public string Reference { get; set; } = "";

        [Required, StringLength(10), Display(Name = "suivi.birthDate", Description = "suivi.birthDate.hint")]
        public string BirthDate { get; set; } = "";
    }
}
