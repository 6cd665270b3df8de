using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Web.Localization;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Applications;

// Coming back through the e-mailed link: the link alone is not enough (a mailbox may be read by others,
// a link may leak through a shared computer); a one-time code is e-mailed on request (a POST, so that a
// mail scanner opening the link sends nothing), and the draft is handed to this browser once the code is
// typed. Five wrong codes void it; the link and the code work once.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ResumeModel(ChanceryDb db, TimeProvider clock, UploadStore store, IMailSender mail, Texts texts, ILogger<ResumeModel> log, AuditTrail audit)
    : DraftPageModel(db, clock, store)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(1);

    public string Token { get; private set; } = "";

    public bool Invalid { get; private set; }

    public bool CodeSent { get; private set; }

    public string? CodeError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await FindAsync(token, ct))
            return NotValid();
        CodeSent = CodeOutstanding;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string token, CancellationToken ct)
    {
        if (!await FindAsync(token, ct))
            return NotValid();
        var sentAt = Draft.ResumeCodeExpiresAt - CodeLifetime;
        if (Draft.ResumeCodeHash is not null && sentAt > Now - ResendAfter)
        {
            CodeSent = true;
            TempData[Shared.Notice.Info] = texts["apply.resume.wait"];
            return Redirect($"/demande/reprendre/{token}");
        }

        var code = Secrets.NewCode();
        Draft.ResumeCodeHash = Secrets.Hash($"{Draft.Id}:{code}");
        Draft.ResumeCodeExpiresAt = Now + CodeLifetime;
        Draft.ResumeCodeAttempts = 0;
        await Db.SaveChangesAsync(ct);
        try
        {
            if (Answers["email"] is { } to)
                await mail.SendAsync(ApplicationMail.Code(texts, Draft.Language, to, code), ct);
        }
        catch (MailNotSentException e)
        {
            log.LogWarning(e, "A resume code could not be e-mailed.");
            TempData[Shared.Notice.Error] = texts["apply.resume.mailFailed"];
            return Redirect($"/demande/reprendre/{token}");
        }
        TempData[Shared.Notice.Success] = texts["apply.resume.sent"];
        return Redirect($"/demande/reprendre/{token}");
    }

    public async Task<IActionResult> OnPostCodeAsync(string token, CancellationToken ct)
    {
        if (!await FindAsync(token, ct))
            return NotValid();
        CodeSent = true;
        var given = Request.Form["code"].ToString().Trim();
        if (!CodeOutstanding)
            return WrongCode(texts["apply.resume.code.expired"]);
        if (given.Length != 6 || !given.All(char.IsAsciiDigit) || !Secrets.Matches($"{Draft.Id}:{given}", Draft.ResumeCodeHash))
        {
            Draft.ResumeCodeAttempts++;
            var last = Draft.ResumeCodeAttempts >= MaxAttempts;
            if (last)
            {
                Draft.ResumeCodeHash = null;
                Draft.ResumeCodeExpiresAt = null;
            }
            await Db.SaveChangesAsync(ct);
            return WrongCode(texts[last ? "apply.resume.code.tooMany" : "apply.resume.code.wrong"]);
        }

        Draft.ResumeCodeHash = null;
        Draft.ResumeCodeExpiresAt = null;
        Draft.ResumeCodeAttempts = 0;
        Draft.ResumeTokenHash = null;
        var accessKey = Secrets.NewToken();
        Draft.AccessKeyHash = Secrets.Hash(accessKey);
        Draft.UpdatedAt = Now;
        await Db.SaveChangesAsync(ct);
        SetDraftCookie(Draft, accessKey);
        await audit.ApplicantAsync("page:/demande/reprendre", AuditTrail.Read, new AuditTrail.Seen("draft", Draft.Id.ToString(), "draft", Draft.Id.ToString(), ["Answers"], null), ct);
        TempData[Shared.Notice.Success] = texts["apply.resume.done"];
        return Redirect(await FirstUnansweredUrlAsync(ct));
    }

    private bool CodeOutstanding => Draft.ResumeCodeHash is not null && Draft.ResumeCodeExpiresAt > Now;

    private PageResult WrongCode(string message)
    {
        CodeError = message;
        ModelState.AddModelError("code", message);
        return Page();
    }

    private PageResult NotValid()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> FindAsync(string token, CancellationToken ct)
    {
        Token = token;
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return false;
        var hash = Secrets.Hash(token);
        var draft = await Db.ApplicationDrafts.SingleOrDefaultAsync(d => d.ResumeTokenHash == hash, ct);
        if (draft is null)
            return false;
        if (draft.ExpiresAt <= Now)
        {
            await EraseAsync(draft, ct);
            return false;
        }
        UseDraft(draft);
        return true;
    }
}
