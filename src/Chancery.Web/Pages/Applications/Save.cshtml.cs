using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Web.Pages.Applications;

// Save and come back later, without an account: a link to the draft is e-mailed (only its hash is kept).
// The page says the same thing whatever happens next, and nothing more.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class SaveModel(ChanceryDb db, TimeProvider clock, UploadStore store, SubmitApplication submit, IMailSender mail, Texts texts, ILogger<SaveModel> log)
    : DraftPageModel(db, clock, store)
{
    public bool Sent { get; private set; }

    public string? Email { get; private set; }

    public string? EmailError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        Email = Answers["email"];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        if (Request.Form.ContainsKey("email") || Answers["email"] is null)
        {
            Answers.Set("email", Request.Form["email"].ToString());
            var field = Form.Field("email") ?? new FormField("email", FieldType.Email, MaxLength: 254);
            var errors = ValidateAnswers.Step(Form, new FormStep("save", [field]), Answers, await submit.RulesAsync(ct));
            if (errors.Count > 0)
            {
                Email = Request.Form["email"].ToString();
                EmailError = ApplyTexts.Error(texts, errors[0]);
                ModelState.AddModelError("email", EmailError);
                return Page();
            }
        }

        var token = Secrets.NewToken();
        Draft.ResumeTokenHash = Secrets.Hash(token);
        await SaveAnswersAsync(ct);
        try
        {
            await mail.SendAsync(ApplicationMail.ResumeLink(texts, Draft.Language, Answers["email"]!,
                $"{Request.Scheme}://{Request.Host}/demande/reprendre/{token}", Draft.ExpiresAt), ct);
        }
        catch (MailNotSentException e)
        {
            log.LogWarning(e, "The resume link of a draft could not be e-mailed.");
            TempData[Shared.Notice.Error] = texts["apply.save.mailFailed"];
            return Redirect("/demande/sauvegarder");
        }
        Sent = true;
        return Page();
    }
}
