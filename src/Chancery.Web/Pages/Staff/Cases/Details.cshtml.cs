using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Cases;

// One case: who, what, the checks, the document, the whole history, and a small form for each step the
// agent's roles allow now. Every step goes through PerformCaseAction, which checks everything again.
// A case of a post the agent does not work for does not exist for them: 404, on GET and on POST.
internal sealed class DetailsModel(CurrentActor current, ReadCase read, PerformCaseAction perform, ChanceryDb db, Texts texts, AuditTrail audit) : PageModel
{
    private const string AuditComponent = "page:/staff/cases/detail";

    [BindProperty]
    public ActionInput Act { get; set; } = new();

    public CaseView Case { get; private set; } = null!;

    // The answers and documents of an online application, when the case came that way.
    public ApplicationSection? Application { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    // The screening whose matches the page explains beside the applicant: the latest one when it matched
    // anything, else the latest hit (resolved or not), so the officer's decision can always be reviewed.
    public ScreeningView? Explained { get; private set; }

    // The version of each list the explained screening matched against, by list name.
    public IReadOnlyDictionary<string, int?> ExplainedVersions { get; private set; } = new Dictionary<string, int?>();

    // A step refused by the lifecycle, the issuance gate, segregation of duties or the roles.
    public string? Refusal { get; private set; }

    // The step whose form shows a field error (a missing reason or outcome).
    public ActionForm? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();
        if (!await ShowAsync(id, actor, ct))
            return NotFound();
        await audit.CaseAsync(AuditComponent, AuditTrail.Read, id, AuditTrail.PersonFields, "case file", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();
        if (!await ShowAsync(id, actor, ct))
            return NotFound();
        if (Act.Action is not { } action || action == CaseAction.Submit || !Enum.IsDefined(action))
            return BadRequest();

        var form = new ActionForm(action, Reason: Act.Reason, Passed: Act.Passed);
        if (form.AsksOutcome && Act.Passed is null)
            return await RefuseFieldAsync(id, actor, form, "Act.Passed", texts[$"staff.action.{action}.outcome.required"], ct);

        var done = await perform.ExecuteAsync(id, new CaseCommand(action, Act.Reason, Act.Passed ?? true), actor, ct);
        if (done.IsSuccess)
        {
            await audit.CaseAsync(AuditComponent, AuditTrail.Write, id, AuditTrail.CaseStepFields, AuditTrail.StepReason(action), ct);
            TempData[Notice.Success] = texts[$"staff.action.{action}.done"];
            return RedirectToPage("/Staff/Cases/Details", new { id });
        }

        var error = done.Error;
        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Validation:
                var message = texts.Contains($"staff.action.{action}.reason.required") ? texts[$"staff.action.{action}.reason.required"] : error.Message;
                return await RefuseFieldAsync(id, actor, form, "Act.Reason", message, ct);
            default:
                Refusal = Describe(error, action);
                Response.StatusCode = error.Kind == ErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
                // The case may have moved meanwhile: show it as it is now.
                await ShowAsync(id, actor, ct);
                return Page();
        }
    }

    public ActionForm FormFor(CaseAction action) => Failed?.Action == action ? Failed : new ActionForm(action);

    // The person of the case a match was screened from: the applicant (or child), or a parent.
    public PersonView? PersonOf(MatchView match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Subject switch
        {
            "Applicant" => Case.Applicant,
            "FirstParent" => Case.Parents.Count > 0 ? Case.Parents[0] : null,
            "SecondParent" => Case.Parents.Count > 1 ? Case.Parents[1] : null,
            _ => null,
        };
    }

    public string SubjectOf(MatchView match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Subject switch
        {
            "Applicant" => texts[Case.Kind == CaseKind.BirthReport ? "staff.case.child" : "staff.case.applicant"],
            "FirstParent" => texts["staff.newcase.firstParent"],
            "SecondParent" => texts["staff.newcase.secondParent"],
            _ => match.Subject,
        };
    }

    // Primary, Alias, OriginalScript for a list; Lost, Stolen, Invalidated for the document register.
    public string KindOf(MatchView match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var key = $"staff.hit.kind.{match.MatchedKind}";
        return texts.Contains(key) ? texts[key] : match.MatchedKind;
    }

    public string ListOf(MatchView match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return ExplainedVersions.TryGetValue(match.ListName, out var version) && version is { } v
            ? texts["staff.hit.listVersion", match.ListName, v]
            : match.ListName;
    }

    public string NameOf(string? userId) =>
        userId is null ? "" : Names.TryGetValue(userId, out var name) ? name : userId;

    private async Task<IActionResult> RefuseFieldAsync(Guid id, Actor actor, ActionForm form, string key, string message, CancellationToken ct)
    {
        ModelState.AddModelError(key, message);
        Failed = form with { Error = message };
        await ShowAsync(id, actor, ct);
        return Page();
    }

    private async Task<bool> ShowAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var view = await read.ExecuteAsync(id, actor, ct);
        if (!view.IsSuccess)
            return false;
        Case = view.Value;
        Application = await ApplicationSection.LoadAsync(db, id, Case.State, actor, ct);
        var ids = new[] { Case.EnteredBy, Case.ApprovedBy }
            .Concat(Case.Screenings.SelectMany(s => new[] { s.ScreenedBy, s.ResolvedBy }))
            .OfType<string>().Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, ct);

        Explained = Case.Screenings.Count > 0 && Case.Screenings[^1].Matches.Count > 0
            ? Case.Screenings[^1]
            : Case.Screenings.LastOrDefault(s => s.Outcome == nameof(ScreeningOutcome.Hit));
        if (Explained is { } explained)
        {
            // The case view names the lists of a match without their version; the match rows keep it.
            var versions = await db.ScreeningMatches.AsNoTracking().Where(m => m.ScreeningResultId == explained.Id)
                .Select(m => new { m.ListName, m.ListVersion }).Distinct().ToListAsync(ct);
            ExplainedVersions = versions.GroupBy(v => v.ListName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(v => v.ListVersion), StringComparer.Ordinal);
        }

        return true;
    }

    // The operation's messages are English sentences for the API; the page says them in the agent's language.
    private string Describe(Error error, CaseAction action)
    {
        var key = error.Kind == ErrorKind.Forbidden ? "staff.case.error.forbidden" : $"staff.case.error.{error.Code}";
        return texts.Contains(key)
            ? texts[key, texts[$"staff.state.{Case.State}"], texts[$"staff.action.{action}"]]
            : error.Message;
    }

    public sealed class ActionInput
    {
        public CaseAction? Action { get; set; }

        public string? Reason { get; set; }

        public bool? Passed { get; set; }
    }
}
