using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Applications;

// What every page of an application in progress shares: the draft found from the browser's cookie
// (chancery-draft = "{id:N}.{access key}"; only the key's SHA-256 is stored), erased once past its
// 30 days, and the addresses of the steps.
internal abstract class DraftPageModel(ChanceryDb db, TimeProvider clock, UploadStore store) : PageModel
{
    public const string CookieName = "chancery-draft";
    public const string CookiePath = "/demande";

    protected ChanceryDb Db => db;

    protected TimeProvider Clock => clock;

    protected UploadStore Store => store;

    public ApplicationDraft Draft { get; private set; } = null!;

    public FormDefinition Form { get; private set; } = null!;

    public ApplicationAnswers Answers { get; set; } = new();

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    // Null when the draft is loaded; else where to go: the start page, or the page saying the draft expired.
    protected async Task<IActionResult?> LoadDraftAsync(CancellationToken ct)
    {
        var cookie = Request.Cookies[CookieName];
        var dot = cookie?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (cookie is null || dot < 0 || !Guid.TryParseExact(cookie[..dot], "N", out var id))
            return Redirect(CookiePath);
        var draft = await db.ApplicationDrafts.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null || !Secrets.Matches(cookie[(dot + 1)..], draft.AccessKeyHash))
        {
            Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
            // A submitted draft takes its cookie with it, so a cookie whose draft is gone almost always
            // means the hourly erasure (DraftErasureWorker) got there first: the draft expired.
            return Redirect(draft is null ? "/demande/expiree" : CookiePath);
        }
        if (draft.ExpiresAt <= Now)
        {
            await EraseAsync(draft, ct);
            Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
            return Redirect("/demande/expiree");
        }
        UseDraft(draft);
        return null;
    }

    protected void UseDraft(ApplicationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Draft = draft;
        Form = ApplicationForms.Get(draft.Form);
        Answers = draft.Answers;
    }

    protected async Task EraseAsync(ApplicationDraft draft, CancellationToken ct)
    {
        // Set-based deletes: the hourly erasure may be removing the same rows at this very moment.
        var files = await db.ApplicationDocuments.Where(d => d.DraftId == draft.Id).Select(d => d.StoredName).ToListAsync(ct);
        await db.ApplicationDocuments.Where(d => d.DraftId == draft.Id).ExecuteDeleteAsync(ct);
        await db.ApplicationDrafts.Where(d => d.Id == draft.Id).ExecuteDeleteAsync(ct);
        foreach (var file in files)
            store.Delete(file);
    }

    protected void SetDraftCookie(ApplicationDraft draft, string accessKey)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Response.Cookies.Append(CookieName, $"{draft.Id:N}.{accessKey}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Path = CookiePath,
            Expires = new DateTimeOffset(DateTime.SpecifyKind(draft.ExpiresAt, DateTimeKind.Utc)),
            IsEssential = true,
        });
    }

    protected async Task SaveAnswersAsync(CancellationToken ct)
    {
        Draft.Answers = Answers;
        Draft.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    public static string StepUrl(FormStep step) =>
        step.IsUploads ? "/demande/documents" : $"/demande/etape/{step.Key}";

    // The first applicable step after this one, or the check page.
    public string NextUrl(FormStep step, bool backToCheck)
    {
        if (backToCheck)
            return "/demande/verifier";
        var index = IndexOf(step);
        var next = Form.Steps.Skip(index + 1).FirstOrDefault(s => s.Applies(Answers, Today));
        return next is null ? "/demande/verifier" : StepUrl(next);
    }

    public string BackUrl(FormStep step)
    {
        var index = IndexOf(step);
        var previous = Form.Steps.Take(index).LastOrDefault(s => s.Applies(Answers, Today));
        return previous is null ? CookiePath : StepUrl(previous);
    }

    // Where someone coming back to a draft carries on: the first step with a required answer or document missing.
    protected async Task<string> FirstUnansweredUrlAsync(CancellationToken ct)
    {
        var uploaded = await db.ApplicationDocuments.Where(d => d.DraftId == Draft.Id).Select(d => d.Slot).ToListAsync(ct);
        foreach (var step in Form.StepsFor(Answers, Today))
        {
            var missing = step.IsUploads
                ? Form.Uploads.Any(u => u.Required && !uploaded.Contains(u.Slot))
                : step.Fields.Any(f => f.Required && Answers[f.Name] is null);
            if (missing)
                return StepUrl(step);
        }
        return "/demande/verifier";
    }

    private int IndexOf(FormStep step)
    {
        for (var i = 0; i < Form.Steps.Count; i++)
        {
            if (Form.Steps[i].Key == step.Key)
                return i;
        }
        return -1;
    }
}
