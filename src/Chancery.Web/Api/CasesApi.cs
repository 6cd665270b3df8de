using System.ComponentModel;
using System.Text.Json;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Api;

/// <summary>Cases: intake, reading, and every lifecycle step.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", CreateAsync)
            .WithSummary("Enter a case")
            .WithDescription("Registers a passport, visa or birth-report case at a post and queues it for security checks. Send an `Idempotency-Key` header: a retry with the same key returns the first answer and never creates a second case.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("/", ListAsync).WithSummary("List cases of the posts the caller works for");
        cases.MapGet("/{id:guid}", GetAsync).WithSummary("Read a case with its history");
        cases.MapPost("/{id:guid}/actions/{action}", ActAsync)
            .WithSummary("Take a lifecycle step")
            .WithDescription("Actions: start-checks, record-checks, resolve-hit, approve, refuse, print, reprint, issue-in-person, dispatch, deliver, close, withdraw, invalidate. `record-checks` runs the screening again (watchlists and the document register) and records what it found; a case is screened automatically when entered and again before print when its screening is stale. An illegal step answers 409 with a problem detail. `print` is refused unless the case is approved and its latest screening passed recently and after the last watchlist change; a stale screening re-run at print that finds a match answers 409 `screening.hit` and leaves the case in `Hit`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CreateAsync(
        NewCase body,
        [FromHeader(Name = IdempotentIntake.Header)] string? idempotencyKey,
        CurrentActor current,
        EnterCase enter,
        IdempotentIntake intake,
        ReadCase read,
        IOptions<JsonOptions> json,
        HttpContext http,
        AuditTrail audit,
        CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var fingerprint = "POST /api/v1/cases " + JsonSerializer.Serialize(body, json.Value.SerializerOptions);
        return await intake.RunAsync(actor.Id, idempotencyKey, fingerprint, async token =>
        {
            var created = await enter.ExecuteAsync(body, actor, token);
            if (!created.IsSuccess)
                return await IdempotentIntake.OutcomeOfAsync(ApiProblems.From(created.Error), http);
            var view = await read.ExecuteAsync(created.Value.Id, actor, token);
            await audit.CaseAsync("api:POST /api/v1/cases", AuditTrail.Write, created.Value.Id, AuditTrail.PersonFields, "case intake", token);
            return new IdempotentIntake.Outcome(
                StatusCodes.Status201Created,
                JsonSerializer.Serialize(view.Value, json.Value.SerializerOptions),
                $"/api/v1/cases/{created.Value.Id}");
        }, ct);
    }

    private static async Task<IResult> ListAsync(
        CurrentActor current,
        ListCases list,
        [Description("Post code")] string? post,
        [Description("Case state")] CaseState? state,
        [Description("Only cases entered at least this many days ago")] int? olderThanDays,
        int? page,
        AuditTrail audit,
        CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var listed = await list.ExecuteAsync(new ListCases.Filter(post, state, olderThanDays, page ?? 1), actor, ct);
        await audit.CasesAsync("api:GET /api/v1/cases", listed.Rows.Select(r => r.Id).ToList(), AuditTrail.NameFields, "case list", ct);
        return TypedResults.Ok(listed);
    }

    private static async Task<IResult> GetAsync(Guid id, CurrentActor current, ReadCase read, AuditTrail audit, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var view = await read.ExecuteAsync(id, actor, ct);
        if (view.IsSuccess)
            await audit.CaseAsync("api:GET /api/v1/cases/{id}", AuditTrail.Read, id, AuditTrail.PersonFields, null, ct);
        return view.IsSuccess ? TypedResults.Ok(view.Value) : ApiProblems.From(view.Error);
    }

    private static async Task<IResult> ActAsync(
        Guid id,
        string action,
        CaseActionBody? body,
        CurrentActor current,
        PerformCaseAction perform,
        ReadCase read,
        AuditTrail audit,
        CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        if (!CaseActionNames.TryParse(action, out var step) || step == CaseAction.Submit)
        {
            return ApiProblems.From(Error.Validation("action", $"Unknown action '{action}'. Actions: {string.Join(", ", CaseActionNames.All)}."));
        }

        if (body?.Passed is not null && step != CaseAction.ResolveHit)
        {
            return ApiProblems.From(Error.Validation("passed",
                "'passed' is only for resolve-hit; the result of record-checks is what the screening finds."));
        }

        var result = await perform.ExecuteAsync(id, new CaseCommand(step, body?.Reason, body?.Passed ?? true), actor, ct);
        if (!result.IsSuccess)
            return ApiProblems.From(result.Error);
        await audit.CaseAsync("api:POST /api/v1/cases/{id}/actions/{action}", AuditTrail.Write, id, AuditTrail.CaseStepFields, AuditTrail.StepReason(step), ct);
        var view = await read.ExecuteAsync(id, actor, ct);
        return view.IsSuccess ? TypedResults.Ok(view.Value) : ApiProblems.From(view.Error);
    }
}
