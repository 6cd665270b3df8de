using System.ComponentModel.DataAnnotations;
using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Cases;

// Staff name the answers of an online application that must be corrected and say why; the applicant
// receives a link that opens those answers only (/demande/correction/{token}).
internal sealed partial class CorrectionModel(CurrentActor current, ChanceryDb db, CorrectApplication correct, IMailSender mail, Texts texts, ILogger<CorrectionModel> log, AuditTrail audit) : PageModel
{
    [BindProperty]
    public CorrectionInput Input { get; set; } = new();

    public ApplicationSection Section { get; private set; } = null!;

    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        await audit.ApplicationAsync(AuditComponent, AuditTrail.Read, id, "correction request form", ct);
        return Page();
    }

    private const string AuditComponent = "page:/staff/cases/{id}/correction";

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var fields = Input.Fields.Where(f => Section.Form.Field(f) is not null).Distinct(StringComparer.Ordinal).ToList();
        if (fields.Count == 0)
            ModelState.AddModelError("Input.Fields", texts["staff.correction.fields.required"]);
        if (!ModelState.IsValid)
            return Page();

        var actor = (await current.GetAsync(ct))!;
        var requested = await correct.RequestAsync(id, fields, Input.Message, actor, ct);
        if (!requested.IsSuccess)
        {
            if (requested.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            ModelState.AddModelError(requested.Error.Field == "message" ? "Input.Message" : "Input.Fields", requested.Error.Message);
            Response.StatusCode = requested.Error.Kind == ErrorKind.Validation ? StatusCodes.Status200OK : StatusCodes.Status409Conflict;
            return Page();
        }

        var r = requested.Value;
        await audit.ApplicationAsync(AuditComponent, AuditTrail.Write, id, "correction requested: " + string.Join(", ", fields), ct);
        var link = $"{Request.Scheme}://{Request.Host}/demande/correction/{r.Token}";
        var fieldList = string.Join(Environment.NewLine, fields.Select(f => "- " + texts.Get($"apply.field.{f}", r.Language)));
        try
        {
            await mail.SendAsync(new OutgoingMail(
                r.Email,
                texts.Get("staff.correction.mail.subject", r.Language).Replace("{0}", r.ApplicationNumber, StringComparison.Ordinal),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.Get("staff.correction.mail.body", r.Language),
                    r.ApplicationNumber, r.Request.Message, fieldList, link, r.Request.ExpiresAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), ct);
            TempData[Notice.Success] = texts["staff.correction.sent"];
        }
        catch (MailNotSentException e)
        {
            LogMailFailed(log, e);
            TempData[Notice.Warning] = texts["staff.correction.notSent"];
        }
        return RedirectToPage("/Staff/Cases/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.PostId, c.State, c.Reference }).SingleOrDefaultAsync(ct);
        if (found is null || !actor.Sees(found.PostId))
            return NotFound();
        var section = await ApplicationSection.LoadAsync(db, id, found.State, actor, ct);
        if (section is null)
            return NotFound();
        if (!section.CanAskCorrection)
            return Forbid();
        Section = section;
        Reference = found.Reference;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The correction request e-mail could not be sent")]
    private static partial void LogMailFailed(ILogger logger, Exception exception);

    public sealed class CorrectionInput
    {
        public List<string> Fields { get; set; } = [];

        [Required, StringLength(2000), Display(Name = "staff.correction.message", Description = "staff.correction.message.hint")]
        public string Message { get; set; } = "";
    }
}
