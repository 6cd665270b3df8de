using System.ComponentModel.DataAnnotations;
using Chancery.Core.Appointments;
using Chancery.Web.Infrastructure;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Appointments;

// The second step: the code e-mailed to the address given proves it. Valid 10 minutes, 5 attempts, then
// void and the person starts again. A booking then goes on to the choice of a slot; a ballot entry is
// registered at once.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class CodeModel(VerifyBookingCode verify, RegisterForBallot register, AbuseGuard abuse, Texts texts) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool IsVoid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var request = await verify.FindAsync(token, ct);
        if (request is null)
            return NotFound();
        if (request.VerifiedAt is not null)
            return Next(request, token);
        Email = request.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var request = await verify.FindAsync(token, ct);
        if (request is null)
            return NotFound();
        Email = request.Email;
        if (!ModelState.IsValid)
            return Page();

        var checkedCode = await verify.ExecuteAsync(token, Input.Code, ct);
        if (!checkedCode.IsSuccess)
            return NotFound();
        switch (checkedCode.Value.Outcome)
        {
            case VerifyBookingCode.Outcome.Verified:
                if (request.Purpose == BookingPurpose.Ballot)
                {
                    var entry = await register.ExecuteAsync(request.Id, ct);
                    if (!entry.IsSuccess)
                    {
                        var key = "appt.error." + entry.Error.Code;
                        ModelState.AddModelError("", texts.Contains(key) ? texts[key] : entry.Error.Message);
                        IsVoid = true;
                        return Page();
                    }

                    return Redirect($"/rendez-vous/tirages/inscrit/{entry.Value.Entry.RegistrationId}");
                }

                return Next(request, token);
            case VerifyBookingCode.Outcome.Wrong:
                await abuse.RecordAsync(AbuseControl.ClientAddress(HttpContext), AbuseKind.CodeFailed, null, null, ct);
                ModelState.AddModelError("Input.Code", texts["appt.code.wrong", checkedCode.Value.AttemptsLeft]);
                return Page();
            default:
                await abuse.RecordAsync(AbuseControl.ClientAddress(HttpContext), AbuseKind.CodeFailed, null, null, ct);
                IsVoid = true;
                ModelState.AddModelError("", texts["appt.code.void"]);
                return Page();
        }
    }

    private RedirectResult Next(BookingRequest request, string token) =>
        Redirect(request.Purpose == BookingPurpose.Ballot ? "/rendez-vous" : $"/rendez-vous/creneau/{token}");

    public sealed class CodeInput
    {
        [Required, StringLength(12), Display(Name = "appt.field.code", Description = "appt.field.code.hint")]
        public string Code { get; set; } = "";
    }
}
