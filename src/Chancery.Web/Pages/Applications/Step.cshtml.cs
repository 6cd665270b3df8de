using Chancery.Core.Applications;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Applications;

// One question of a form (/demande/etape/{step}). The answers are saved at every POST, even wrong
// ones, so that nothing typed is lost; the applicant moves on only when the step's answers are right.
// The travel-document step can also be filled from the machine readable zone pasted by the applicant.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class StepModel(ChanceryDb db, TimeProvider clock, UploadStore store, SubmitApplication submit, Texts texts)
    : DraftPageModel(db, clock, store)
{
    public FormStep Step { get; private set; } = null!;

    public bool BackToCheck { get; private set; }

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Warnings { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, string>> Posts { get; private set; } = [];

    // What the zone filled in (labels), for the notice; the warnings that concern no field of the step.
    public List<string> MrzFilled { get; } = [];

    public List<string> MrzNotes { get; } = [];

    public string? MrzText { get; private set; }

    public string? MrzError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string step, string? retour, string? valider, CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        if (Form.Step(step) is not { } found)
            return NotFound();
        if (found.IsUploads)
            return Redirect(StepUrl(found));
        Step = found;
        BackToCheck = retour == "verifier";
        // Sent back here by the declaration or the check page: show what is wrong with the step's answers.
        if (valider is not null)
            AddErrors(ValidateAnswers.Step(Form, Step, Answers.Copy(), await submit.RulesAsync(ct)));
        await LoadPostsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string step, string? retour, CancellationToken ct)
    {
        if (await LoadDraftAsync(ct) is { } away)
            return away;
        if (Form.Step(step) is not { } found || found.IsUploads)
            return NotFound();
        Step = found;
        BackToCheck = retour == "verifier";
        var action = Request.Form["action"].ToString();

        if (action == "mrz" && Step.AcceptsMrz)
        {
            FillFromMrz(Request.Form["mrz"].ToString());
            await SaveAnswersAsync(ct);
            await LoadPostsAsync(ct);
            return Page();
        }

        foreach (var field in Step.Fields)
            Answers.Set(field.Name, Request.Form[field.Name].ToString());
        var errors = ValidateAnswers.Step(Form, Step, Answers, await submit.RulesAsync(ct));
        await SaveAnswersAsync(ct);

        if (action == "later")
            return Redirect("/demande/sauvegarder");
        if (errors.Count > 0)
        {
            AddErrors(errors);
            await LoadPostsAsync(ct);
            return Page();
        }
        return Redirect(NextUrl(Step, BackToCheck));
    }

    public ApplicationFieldView FieldView(FormField field, bool single) =>
        new(field, Answers[field.Name], Errors.GetValueOrDefault(field.Name) ?? [])
        {
            Warnings = Warnings.GetValueOrDefault(field.Name) ?? [],
            Question = single ? texts[$"apply.step.{Step.Key}"] : null,
            QuestionHint = single ? ApplyTexts.Optional(texts, $"apply.step.{Step.Key}.hint") : null,
            Posts = Posts,
        };

    private void AddErrors(IEnumerable<AnswerError> errors)
    {
        foreach (var error in errors)
        {
            var message = ApplyTexts.Error(texts, error);
            if (!Errors.TryGetValue(error.Field, out var list))
                Errors[error.Field] = list = [];
            list.Add(message);
            ModelState.AddModelError(error.Field, message);
        }
    }

    private async Task LoadPostsAsync(CancellationToken ct)
    {
        if (Step.Fields.Any(f => f.Type == FieldType.Post))
        {
            var posts = await Db.Posts.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
            Posts = [.. posts.Select(p => new KeyValuePair<string, string>(p.Code, $"{p.Name} ({p.Code})"))];
        }
    }

    private void FillFromMrz(string pasted)
    {
        var read = TravelDocumentFromMrz.Read(pasted, Today);
        if (!read.IsSuccess)
        {
            MrzText = pasted;
            MrzError = texts["apply.mrz.error"];
            ModelState.AddModelError("mrz", MrzError);
            return;
        }

        var zone = read.Value;
        void Fill(string? name, string? value, bool onlyIfEmpty = false)
        {
            if (name is null || string.IsNullOrWhiteSpace(value) || (onlyIfEmpty && Answers[name] is not null))
                return;
            Answers.Set(name, value);
            MrzFilled.Add(ApplyTexts.Label(texts, name));
        }

        var to = Step.Mrz!;
        Fill(to.DocumentType, zone.DocumentType switch
        {
            "P" => "ordinary",
            "PD" => "diplomatic",
            "PS" => "service",
            "PO" => "official",
            _ => null,
        });
        Fill(to.DocumentNumber, zone.DocumentNumber);
        Fill(to.IssuingState, zone.IssuingState);
        Fill(to.ExpiryDate, zone.ExpiryDate);
        Fill(to.Surname, zone.Surname, to.PersonOnlyIfEmpty);
        Fill(to.GivenNames, zone.GivenNames, to.PersonOnlyIfEmpty);
        Fill(to.BirthDate, zone.BirthDate, to.PersonOnlyIfEmpty);
        Fill(to.Sex, zone.Sex, to.PersonOnlyIfEmpty);
        Fill(to.Nationality, zone.Nationality, to.PersonOnlyIfEmpty);

        foreach (var warning in zone.Warnings)
        {
            var key = "apply.mrz.warning." + warning.Key.Replace("mrz.", "", StringComparison.Ordinal);
            var text = texts.Contains(key) ? texts[key] : warning.Message;
            if (WarnedField(to, warning.Key) is { } field && Step.Fields.Any(f => f.Name == field))
            {
                if (!Warnings.TryGetValue(field, out var list))
                    Warnings[field] = list = [];
                list.Add(text);
            }
            else
            {
                MrzNotes.Add(text);
            }
        }
    }

    // The answer a warning of the zone is about, when the step has it.
    private static string? WarnedField(MrzTargets to, string key) => key switch
    {
        "mrz.check.number" => to.DocumentNumber,
        "mrz.check.expiry-date" or "mrz.expired" or "mrz.expiry-date.invalid" => to.ExpiryDate,
        "mrz.issuing-state.unknown" => to.IssuingState,
        "mrz.check.birth-date" or "mrz.birth-date.partial" or "mrz.birth-date.invalid" => to.BirthDate,
        "mrz.nationality.unknown" => to.Nationality,
        "mrz.sex.invalid" => to.Sex,
        _ => null,
    };
}
