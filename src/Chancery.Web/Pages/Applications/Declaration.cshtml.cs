using System.Globalization;
using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Web.Pages.Applications;

// The declaration and the consent to the processing of the data, then the submission. The receipt
// page reads what it shows from a short-lived, data-protected cookie: the number and the form only.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class DeclarationModel(
    ChanceryDb db, TimeProvider clock, UploadStore store, SubmitApplication submit, IMailSender mail,
    IDataProtectionProvider protection, Texts texts, ILogger<DeclarationModel> log, AuditTrail audit)
    : DraftPageModel(db, clock, store)
{
    public const string ReceiptCookie = "chancery-receipt";
    public const string ReceiptPurpose = "Chancery.Applications.Receipt";

    [BindProperty(Name = "declaration")]
    public bool Declared { get; set; }

    [BindProperty(Name = "consent")]
    public bool Consented { get; set; }

    public bool IsVisa => Form.Form is ApplicationForm.ShortStayVisa or ApplicationForm.LongStayVisa;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadDraftAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        if (!Declared)
            Refuse("declaration", texts["apply.declaration.required"]);
        if (!Consented)
            Refuse("consent", texts["apply.declaration.consent.required"]);
        if (Errors.Count > 0)
            return Page();

        var form = Form;
        var language = Draft.Language;
        var result = await submit.ExecuteAsync(form, Answers, language, SubmitApplication.Applicant(HttpContext.Connection.RemoteIpAddress?.ToString()), online: true, Draft.Id, ct);
        if (!result.IsSuccess)
        {
            var field = result.Error.Field;
            if (field is not null && field.StartsWith("documents.", StringComparison.Ordinal))
                return Redirect("/demande/documents?valider=1");
            if (field is not null && form.StepOf(field) is { } step)
                return Redirect($"{StepUrl(step)}?retour=verifier&valider=1#{field}");
            Refuse("", texts["apply.declaration.failed"]);
            return Page();
        }

        var submitted = result.Value;
        await audit.ApplicantAsync("page:/demande/declaration", AuditTrail.Write, new AuditTrail.Seen("application", submitted.CaseId.ToString(), "application", submitted.CaseId.ToString(), AuditTrail.ApplicationFields, null), ct);
        var mailSent = true;
        if (submitted.Email.Length > 0)
        {
            try
            {
                await mail.SendAsync(ApplicationMail.Receipt(texts, language, submitted.Email, submitted.ApplicationNumber,
                    texts.Get($"apply.form.{form.Slug}", language), $"{Request.Scheme}://{Request.Host}/suivi"), ct);
            }
            catch (MailNotSentException e)
            {
                // The application is in the register whatever happens to the e-mail; the receipt page says it was not sent.
                log.LogWarning(e, "The receipt e-mail of an online application could not be sent.");
                mailSent = false;
            }
        }

        Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var payload = string.Join('\n', submitted.ApplicationNumber, form.Slug, today, mailSent ? "1" : "0");
        Response.Cookies.Append(ReceiptCookie, protection.CreateProtector(ReceiptPurpose).Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Path = CookiePath,
            Expires = Clock.GetUtcNow().AddDays(1),
            IsEssential = true,
        });
        Response.Headers.Location = "/demande/recu";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void Refuse(string field, string message)
    {
        Errors[field] = message;
        ModelState.AddModelError(field, message);
    }
}
