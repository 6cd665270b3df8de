using Chancery.Core.Applications;
using Chancery.Core.Data;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Applications;

// The front door: choose one of the four forms; a draft is made and its key goes into the browser's cookie.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class IndexModel(ChanceryDb db, TimeProvider clock, Texts texts) : PageModel
{
    [BindProperty(Name = "form")]
    public string? Chosen { get; set; }

    public bool HasDraft { get; private set; }

    public void OnGet() => HasDraft = Request.Cookies.ContainsKey(DraftPageModel.CookieName);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = ApplicationForms.FindBySlug(Chosen);
        if (form is null)
        {
            ModelState.AddModelError("form", texts["apply.page.start.required"]);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var accessKey = Secrets.NewToken();
        var draft = new ApplicationDraft
        {
            Form = form.Form,
            Language = Texts.CurrentLanguage,
            AccessKeyHash = Secrets.Hash(accessKey),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + ApplicationDraft.Lifetime,
        };
        db.ApplicationDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        Response.Cookies.Append(DraftPageModel.CookieName, $"{draft.Id:N}.{accessKey}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Path = DraftPageModel.CookiePath,
            Expires = new DateTimeOffset(DateTime.SpecifyKind(draft.ExpiresAt, DateTimeKind.Utc)),
            IsEssential = true,
        });
        return Redirect(DraftPageModel.StepUrl(form.Steps[0]));
    }
}
