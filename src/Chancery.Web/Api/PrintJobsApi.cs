using Chancery.Core.Documents;
using Chancery.Web.Security;

namespace Chancery.Web.Api;

/// <summary>The print stations' queue.</summary>
internal static class PrintJobsApi
{
    public static RouteGroupBuilder MapPrintJobsApi(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/print-jobs").WithTags("Print jobs");
        jobs.MapGet("/", PendingAsync).WithSummary("Documents approved and recorded as printed that the station has not confirmed yet");
        jobs.MapPost("/{id:guid}/printed", ConfirmAsync).WithSummary("Confirm the station printed a document")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> PendingAsync(CurrentActor current, PrintJobs jobs, AuditTrail audit, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var result = await jobs.PendingAsync(actor, ct);
        if (!result.IsSuccess)
            return ApiProblems.From(result.Error);
        // Each job carries the holder's names, birth date, sex, nationality and the zone: a read of each person.
        await audit.CasesAsync("api:GET /api/v1/print-jobs", result.Value.Select(j => j.CaseId).Distinct().ToList(), [.. AuditTrail.PersonFields, "Mrz"], "print queue", ct);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> ConfirmAsync(Guid id, CurrentActor current, PrintJobs jobs, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var result = await jobs.ConfirmAsync(id, actor, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiProblems.From(result.Error);
    }
}
