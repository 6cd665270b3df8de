using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Options;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Applications;

/// <summary>
/// Submits a complete application: checks every answer, enters the case in the register (screening
/// starts as at any entry), keeps the answers and the uploaded documents with it and erases the draft,
/// all in one transaction. The pages and the API both come through here.
/// </summary>
public sealed class SubmitApplication(ChanceryDb db, TimeProvider clock, EnterCase enter, IOptions<ChanceryOptions> options)
{
    /// <summary>The actor recorded for applications submitted on the public site.</summary>
    public static Actor Applicant(string? ipAddress) =>
        new("online", "Applicant (online)", new HashSet<Role>(), new HashSet<int>(), ipAddress);

    /// <summary>What was created: the case and its number, which the applicant books an appointment with.</summary>
    public sealed record Submitted(Guid CaseId, string ApplicationNumber, string Email, string Language, ApplicationForm Form);

    /// <summary>The rules of today, with the posts that take applications.</summary>
    public async Task<ApplicationRules> RulesAsync(CancellationToken ct)
    {
        var codes = await db.Posts.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        return new ApplicationRules(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), codes.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Checks and submits. <paramref name="staff"/> is the partner or clerk submitting through the API, null on the public site.</summary>
    public async Task<Result<Submitted>> ExecuteAsync(
        FormDefinition form, ApplicationAnswers answers, string language, Actor actor, bool online, Guid? draftId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(actor);
        answers = answers.Copy();
        var errors = ValidateAnswers.All(form, answers, await RulesAsync(ct));
        if (errors.Count > 0)
            return new Error(ErrorKind.Validation, "application.invalid", errors[0].Message, errors[0].Field);

        List<ApplicationDocument> documents = [];
        if (draftId is { } id)
        {
            documents = await db.ApplicationDocuments.Where(d => d.DraftId == id).ToListAsync(ct);
            var missing = form.Uploads.FirstOrDefault(u => u.Required && documents.All(d => d.Slot != u.Slot));
            if (online && missing is not null)
                return new Error(ErrorKind.Validation, "application.document-missing", $"The document '{missing.Slot}' is required.", "documents." + missing.Slot);
        }

        var owned = db.Database.CurrentTransaction is null;
        await using var tx = owned ? await db.Database.BeginTransactionAsync(ct) : null;
        var input = ApplicationCase.ToNewCase(form, answers, options.Value.IssuingState);
        var entered = online ? await enter.ExecuteOnlineAsync(input, actor, ct) : await enter.ExecuteAsync(input, actor, ct);
        if (!entered.IsSuccess)
            return entered.Error;

        var now = clock.GetUtcNow().UtcDateTime;
        var caseId = entered.Value.Id;
        db.SubmittedApplications.Add(new SubmittedApplication
        {
            CaseId = caseId,
            Form = form.Form,
            Language = language == "en" ? "en" : "fr",
            AnswersJson = answers.ToJson(),
            Email = answers["email"] ?? "",
            Channel = online ? "online" : "api:" + actor.Id,
            SubmittedAt = now,
        });
        foreach (var document in documents)
        {
            document.DraftId = null;
            document.CaseId = caseId;
        }
        // Documents move to the case before the draft goes: deleting the draft cascades to what is still on it.
        await db.SaveChangesAsync(ct);
        if (draftId is { } draft)
            await db.ApplicationDrafts.Where(d => d.Id == draft).ExecuteDeleteAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return new Submitted(caseId, entered.Value.Reference, answers["email"] ?? "", language == "en" ? "en" : "fr", form.Form);
    }
}
