using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Applications;

// Check your answers: every step that applies, with a link to change it, then the documents, and what
// is still missing or wrong, each linking to the step where it is put right.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class CheckModel(ChanceryDb db, TimeProvider clock, UploadStore store, SubmitApplication submit, Texts texts, AuditTrail audit)
    : DraftPageModel(db, clock, store)
{
    public sealed record Problem(string Message, string Url);

    public IReadOnlyList<FormStep> Steps { get; private set; } = [];

    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];

    public List<Problem> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        Steps = [.. Form.StepsFor(Answers, Today)];
        Documents = await Db.ApplicationDocuments.AsNoTracking().Where(d => d.DraftId == Draft.Id).ToListAsync(ct);
        await audit.ApplicantAsync("page:/demande/verifier", AuditTrail.Read, new AuditTrail.Seen("draft", Draft.Id.ToString(), "draft", Draft.Id.ToString(), ["Answers", "Documents"], null), ct);
        foreach (var error in ValidateAnswers.All(Form, Answers.Copy(), await submit.RulesAsync(ct)))
        {
            if (Form.StepOf(error.Field) is { } step)
                Problems.Add(new(ApplyTexts.Error(texts, error), $"{StepUrl(step)}?retour=verifier&valider=1#{error.Field}"));
        }
        foreach (var missing in Form.Uploads.Where(u => u.Required && Documents.All(d => d.Slot != u.Slot)))
            Problems.Add(new(texts["apply.docs.error.required", texts[$"apply.upload.{Form.Slug}.{missing.Slot}"]], "/demande/documents?retour=verifier"));
        return Page();
    }

    public static string Kind(ApplicationDocument document) =>
        document.ContentType switch { "image/jpeg" => "JPEG", "image/png" => "PNG", _ => "PDF" };
}
