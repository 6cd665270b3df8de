using System.Text.Json;
using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Chancery.Web.Api;

/// <summary>Online applications submitted by partner systems: the same questions and checks as the public form.</summary>
internal static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/forms", ListForms)
            .WithSummary("The application forms and their questions")
            .WithDescription("Each form's steps and fields: name, type, whether it is required, its maximum length and its choices. A step with `appliesWhen` is asked only in some cases (a minor, a second parent...); its answers are then required.");
        applications.MapPost("/", SubmitAsync)
            .WithSummary("Submit an application")
            .WithDescription("Checks every answer as the public form does and enters the case in the register (screening starts at once). All the faulty answers are listed in `errors`, by field, each with its `codes`. Send an `Idempotency-Key` header: a retry with the same key returns the first answer and never creates a second case. The caller's key needs the role Clerk and the post of `answers.postCode`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapGet("/{caseId:guid}", GetAsync)
            .WithSummary("Read the answers submitted for a case")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>What a successful submission answers.</summary>
    internal sealed record SubmittedView(string ApplicationNumber, Guid CaseId, string Form, string State);

    /// <summary>The answers kept with a case.</summary>
    internal sealed record ApplicationView(Guid CaseId, string ApplicationNumber, string Form, string Language, string Channel, DateTime SubmittedAt, IReadOnlyDictionary<string, string> Answers);

    internal sealed record FormView(string Form, IReadOnlyList<StepView> Steps, IReadOnlyList<string> RequiredDocuments);

    internal sealed record StepView(string Key, bool Conditional, IReadOnlyList<FieldView> Fields);

    internal sealed record FieldView(string Name, string Type, bool Required, int MaxLength, IReadOnlyList<string>? Choices);

    private static IReadOnlyList<FormView> ListForms() =>
        [.. ApplicationForms.All.Select(f => new FormView(
            f.Slug,
            [.. f.Steps.Where(s => !s.IsUploads).Select(s => new StepView(s.Key, s.AppliesWhen is not null,
                [.. s.Fields.Select(x => new FieldView(x.Name, x.Type.ToString(), x.Required, x.MaxLength, x.Choices))]))],
            [.. f.Uploads.Where(u => u.Required).Select(u => u.Slot.ToString())]))];

    private static async Task<IResult> SubmitAsync(
        NewApplication body,
        [FromHeader(Name = IdempotentIntake.Header)] string? idempotencyKey,
        CurrentActor current,
        SubmitApplication submit,
        IdempotentIntake intake,
        ChanceryDb db,
        IOptions<JsonOptions> json,
        HttpContext http,
        AuditTrail audit,
        CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var form = ApplicationForms.FindBySlug(body.Form);
        if (form is null)
        {
            return ApiProblems.From(Error.Validation("form", $"There is no form '{body.Form}': use one of {string.Join(", ", ApplicationForms.All.Select(f => f.Slug))}."));
        }

        var fingerprint = "POST /api/v1/applications " + JsonSerializer.Serialize(body, json.Value.SerializerOptions);
        return await intake.RunAsync(actor.Id, idempotencyKey, fingerprint, async token =>
        {
            var answers = new ApplicationAnswers(body.Answers!);
            var errors = ValidateAnswers.All(form, answers.Copy(), await submit.RulesAsync(token));
            if (errors.Count > 0)
                return await IdempotentIntake.OutcomeOfAsync(Invalid(errors), http);
            var submitted = await submit.ExecuteAsync(form, answers, body.Language ?? "fr", actor, online: false, draftId: null, token);
            if (!submitted.IsSuccess)
                return await IdempotentIntake.OutcomeOfAsync(ApiProblems.From(submitted.Error), http);
            var state = await db.Cases.AsNoTracking().Where(c => c.Id == submitted.Value.CaseId).Select(c => c.State).SingleAsync(token);
            await audit.ApplicationAsync("api:POST /api/v1/applications", AuditTrail.Write, submitted.Value.CaseId, "application intake", token);
            return new IdempotentIntake.Outcome(
                StatusCodes.Status201Created,
                JsonSerializer.Serialize(new SubmittedView(submitted.Value.ApplicationNumber, submitted.Value.CaseId, form.Slug, state.ToString()), json.Value.SerializerOptions),
                $"/api/v1/cases/{submitted.Value.CaseId}");
        }, ct);
    }

    private static async Task<IResult> GetAsync(Guid caseId, CurrentActor current, ChanceryDb db, AuditTrail audit, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var found = await db.SubmittedApplications.AsNoTracking()
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a, c.Reference, c.PostId })
            .SingleOrDefaultAsync(x => x.a.CaseId == caseId, ct);
        if (found is null || !actor.Sees(found.PostId))
            return ApiProblems.From(Error.NotFound("The application"));
        var form = ApplicationForms.Get(found.a.Form);
        await audit.ApplicationAsync("api:GET /api/v1/applications/{caseId}", AuditTrail.Read, caseId, null, ct);
        return TypedResults.Ok(new ApplicationView(caseId, found.Reference, form.Slug, found.a.Language, found.a.Channel, found.a.SubmittedAt, found.a.Answers.Values));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(IReadOnlyList<AnswerError> errors)
    {
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var codes = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.ValidationProblem(byField, detail: $"{errors.Count} answer(s) are missing or wrong; the first: {errors[0].Message}",
            extensions: new Dictionary<string, object?> { ["code"] = "application.invalid", ["codes"] = codes });
    }
}
