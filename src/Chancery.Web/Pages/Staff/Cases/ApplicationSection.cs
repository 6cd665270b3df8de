using Chancery.Core.Applications;
using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Cases;

// The online application behind a case, for the case page: the answers step by step, the uploaded
// documents and the corrections asked. Null when the case was entered at the counter.
public sealed record ApplicationSection(
    Guid CaseId,
    FormDefinition Form,
    SubmittedApplication Application,
    IReadOnlyList<ApplicationDocument> Documents,
    IReadOnlyList<CorrectionRequest> Corrections,
    bool CanAskCorrection)
{
    public ApplicationAnswers Answers { get; } = Application.Answers;

    // The steps that were answered, in the form's order, with only their answered fields.
    public IEnumerable<(FormStep Step, IReadOnlyList<FormField> Fields)> AnsweredSteps =>
        Form.Steps.Where(s => !s.IsUploads)
            .Select(s => (s, (IReadOnlyList<FormField>)[.. s.Fields.Where(f => Answers[f.Name] is not null)]))
            .Where(x => x.Item2.Count > 0);

    public static async Task<ApplicationSection?> LoadAsync(ChanceryDb db, Guid caseId, CaseState state, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var application = await db.SubmittedApplications.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseId, ct);
        if (application is null)
            return null;
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var corrections = await db.CorrectionRequests.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RequestedAt).ToListAsync(ct);
        var canAsk = CorrectApplication.OpenStates.Contains(state) && (actor.Has(Role.Clerk) || actor.Has(Role.Adjudicator) || actor.Has(Role.Consul));
        return new ApplicationSection(caseId, ApplicationForms.Get(application.Form), application, documents, corrections, canAsk);
    }
}
