using System.ComponentModel.DataAnnotations;
using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Web.Infrastructure;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments;

// The first step of a booking or a ballot entry: who the appointment is for, where to send the code, and the
// proof-of-work. The identity given here is the one the appointment is bound to, for good; where the service
// needs a submitted application, the identity is the application's and the person gives its number.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class IdentityModel(
    ChanceryDb db, RequestBookingCode requestCode, AltchaChallenges altcha, AbuseGuard abuse, AppointmentLimits limits, TimeProvider clock, Texts texts)
    : PageModel
{
    [BindProperty]
    public IdentityInput Input { get; set; } = new();

    [BindProperty(Name = "altcha")]
    public string? Altcha { get; set; }

    public ServiceView? Service { get; private set; }

    public IReadOnlyList<SelectListItem> States { get; private set; } = [];

    public sealed record ServiceView(int Id, ServiceKind Kind, string PostName, bool RequiresApplication, int? BallotId);

    public async Task<IActionResult> OnGetAsync(int service, int? tirage, CancellationToken ct)
    {
        if (!await LoadAsync(service, tirage, ct))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int service, int? tirage, CancellationToken ct)
    {
        if (!await LoadAsync(service, tirage, ct))
            return NotFound();
        var address = AbuseControl.ClientAddress(HttpContext);
        var action = tirage is null ? "book" : "ballot";
        var check = await altcha.VerifyAsync(Altcha, action, ct);
        if (check != AltchaCheck.Valid)
        {
            if (check != AltchaCheck.Missing)
                await abuse.RecordAsync(address, AbuseKind.ChallengeFailed, null, null, ct);
            ModelState.AddModelError("altcha", texts[check == AltchaCheck.Missing ? "appt.altcha.missing" : "appt.altcha.failed"]);
        }

        DateOnly? birth = Dates.TryParseFull(Input.BirthDate, out var b) ? b : null;
        if (!string.IsNullOrWhiteSpace(Input.BirthDate) && birth is null)
            ModelState.AddModelError("Input.BirthDate", texts["appt.error.birthDate"]);
        else if (birth is { } date && date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError("Input.BirthDate", texts["appt.error.birthDateFuture"]);
        if (Service!.RequiresApplication)
        {
            if (string.IsNullOrWhiteSpace(Input.ApplicationNumber))
                ModelState.AddModelError("Input.ApplicationNumber", texts["appt.error.applicationNumber"]);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Input.DocumentNumber) || BoundIdentity.NormalizeDocumentNumber(Input.DocumentNumber).Length is < 5 or > 20)
                ModelState.AddModelError("Input.DocumentNumber", texts["appt.error.documentNumber"]);
            if (Countries.Find(Input.IssuingState ?? "") is null)
                ModelState.AddModelError("Input.IssuingState", texts["appt.error.issuingState"]);
            if (string.IsNullOrWhiteSpace(Input.Surname) || BoundIdentity.NormalizeName(Input.Surname).Length == 0)
                ModelState.AddModelError("Input.Surname", texts["appt.error.surname"]);
        }

        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email.Trim();
        var identityKey = Service.RequiresApplication
            ? "APP:" + Input.ApplicationNumber!.Trim().ToUpperInvariant()
            : BoundIdentity.Create(Input.DocumentNumber, Input.IssuingState, Input.Surname, birth)?.Key ?? "";
        if (!limits.TryAcquire(AppointmentLimit.Email, email.ToUpperInvariant(), out var retryEmail))
            return AbuseControl.TooManyRequests(this, retryEmail);
        if (!limits.TryAcquire(AppointmentLimit.Identity, identityKey, out var retryIdentity))
            return AbuseControl.TooManyRequests(this, retryIdentity);

        var issued = await requestCode.ExecuteAsync(
            new BookingCodeInput(service, tirage, Input.ApplicationNumber, Input.DocumentNumber, Input.IssuingState, Input.Surname, birth, email, Texts.CurrentLanguage),
            address, ct);
        if (!issued.IsSuccess)
        {
            ModelState.AddModelError(FieldOf(issued.Error), MessageOf(issued.Error));
            return Page();
        }

        await abuse.RecordAsync(address, AbuseKind.IdentityRequested, issued.Value.IdentityKey, email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant(), ct);
        return Redirect($"/rendez-vous/code/{issued.Value.Token}");
    }

    private static string FieldOf(Error error) => error.Field switch
    {
        "Email" or "DocumentNumber" or "ApplicationNumber" => "Input." + error.Field,
        _ => "",
    };

    private string MessageOf(Error error)
    {
        var key = "appt.error." + error.Code;
        return texts.Contains(key) ? texts[key] : error.Message;
    }

    private async Task<bool> LoadAsync(int serviceId, int? ballotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Service = await (from s in db.AppointmentServices.AsNoTracking()
                         join p in db.Posts on s.PostId equals p.Id
                         where s.Id == serviceId && s.Active
                         select new ServiceView(s.Id, s.Kind, p.Name, s.RequiresApplication, ballotId)).SingleOrDefaultAsync(ct);
        if (Service is null)
            return false;
        if (ballotId is { } id && !await db.Ballots.AnyAsync(b => b.Id == id && b.ServiceId == serviceId, ct))
            return false;
        var french = Texts.CurrentLanguage == Texts.French;
        States = Countries.Sorted(french).Select(c => new SelectListItem(c.Name(french), c.Alpha3)).ToList();
        return true;
    }

    public sealed class IdentityInput
    {
        [StringLength(32), Display(Name = "appt.field.applicationNumber", Description = "appt.field.applicationNumber.hint")]
        public string? ApplicationNumber { get; set; }

        [StringLength(30), Display(Name = "appt.field.documentNumber", Description = "appt.field.documentNumber.hint")]
        public string? DocumentNumber { get; set; }

        [StringLength(3), Display(Name = "appt.field.issuingState", Description = "appt.field.issuingState.hint")]
        public string? IssuingState { get; set; }

        [StringLength(100), Display(Name = "appt.field.surname", Description = "appt.field.surname.hint")]
        public string? Surname { get; set; }

        [Required, StringLength(10), Display(Name = "appt.field.birthDate", Description = "appt.field.birthDate.hint")]
        public string BirthDate { get; set; } = "";

        [Required, EmailAddress, StringLength(254), Display(Name = "appt.field.email", Description = "appt.field.email.hint")]
        public string Email { get; set; } = "";
    }
}
