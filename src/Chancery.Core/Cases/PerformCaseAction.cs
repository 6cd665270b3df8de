using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Options;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Cases;

/// <summary>
/// Takes one step on a case for the pages and the API alike: access, role, lifecycle,
/// segregation of duties and the issuance gate are all checked here, and the step is
/// written with its history line in one transaction.
/// </summary>
public sealed partial class PerformCaseAction(ChanceryDb db, TimeProvider clock, IOptions<ChanceryOptions> options, PrintDocument print, ScreenCase screen, ILogger<PerformCaseAction> log)
{
    public const int MaxReasonLength = 2000;

    // An outcome saved with the step but reported as a refusal: a print stopped by a re-run screening that found a hit.
    private Error? afterCommit;

    public async Task<Result<CaseEvent>> ExecuteAsync(Guid caseId, CaseCommand command, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);

        var @case = await db.Cases.Include(c => c.Applicant).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        // A case of a post the actor is not designated for does not exist for them.
        if (@case is null || !actor.Sees(@case.PostId) || !CasePermissions.CanRead(actor))
            return Error.NotFound("The case");

        if (!actor.Has(CasePermissions.RoleFor(command.Action)))
            return Error.Forbidden($"The action '{command.Action}' needs the role '{CasePermissions.RoleFor(command.Action)}'.");

        var reason = command.Reason?.Trim();
        if (CasePermissions.NeedsReason(command.Action) && string.IsNullOrEmpty(reason))
            return Error.Validation("reason", $"Say why ({command.Action}).");
        if (reason?.Length > MaxReasonLength)
            return Error.Validation("reason", $"The reason is longer than {MaxReasonLength} characters.");

        var now = clock.GetUtcNow().UtcDateTime;
        afterCommit = null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Claim the case first, so that a second agent acting on it at once does not race this one to a half-done print.
        if (!await CaseClaim.TryAsync(db, @case, ct))
            return Error.Conflict("case.changed", "The case was changed by someone else meanwhile; reload it and try again.");

        var result = command.Action switch
        {
            CaseAction.RecordChecks => await RecordChecksAsync(@case, actor, now, ct),
            CaseAction.ResolveHit => await ResolveHitAsync(@case, command, reason!, actor, now, ct),
            CaseAction.Approve => await ApproveAsync(@case, reason, actor, now, ct),
            CaseAction.Print or CaseAction.Reprint => await PrintAsync(@case, command.Action, reason, actor, now, ct),
            CaseAction.Invalidate => await InvalidateAsync(@case, reason!, actor, now, ct),
            _ => @case.Apply(command.Action, actor, now, reason),
        };
        if (!result.IsSuccess)
            return result;

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("case.changed", "The case was changed by someone else meanwhile; reload it and try again.");
        }
        catch (DbUpdateException e) when (e.InnerException?.Message.Contains("issuance gate", StringComparison.Ordinal) == true)
        {
            // The database's own copy of the gate said no: the C# check above and it disagree, so say what the database said.
            return Error.Conflict("gate.database", "The database refused the print record: " + e.InnerException.Message.Split('\n')[0]);
        }
        catch (DbUpdateException e)
        {
            // A constraint refused the write (a document number already used, a row changed meanwhile): nothing was saved.
            // The log says which kind of refusal (the provider's code and the table), never the values.
            var code = e.InnerException is System.Data.Common.DbException refusal
                ? refusal.SqlState ?? refusal.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "?";
            LogWriteRefused(log, command.Action, code, string.Join(",", e.Entries.Select(x => x.Metadata.GetTableName())));
            return Error.Conflict("case.write-refused", "The database refused the change (a number already used, or the case changed meanwhile); nothing was saved. Reload and try again.");
        }

        return afterCommit is { } refused ? refused : result;
    }

    private async Task<Result<CaseEvent>> RecordChecksAsync(Case @case, Actor actor, DateTime now, CancellationToken ct)
    {
        // The checks are run, not declared: the officer asks for a run and the screening records what it found.
        var screened = await screen.ScreenTrackedAsync(@case, actor, now, options.Value.Screening.IndexWait, ct);
        return screened.IsSuccess ? @case.Events[^1] : screened.Error;
    }

    private async Task<Result<CaseEvent>> ResolveHitAsync(Case @case, CaseCommand command, string justification, Actor actor, DateTime now, CancellationToken ct)
    {
        var hit = await db.ScreeningResults
            .Where(s => s.CaseId == @case.Id && s.Outcome == ScreeningOutcome.Hit && s.Resolution == null)
            .OrderByDescending(s => s.ScreenedAt)
            .FirstOrDefaultAsync(ct);
        var step = @case.Apply(CaseAction.ResolveHit, actor, now, justification, command.Passed);
        if (!step.IsSuccess)
            return step;
        if (hit is null)
            return Error.Conflict("screening.no-open-hit", "There is no unresolved hit on this case.");
        hit.Resolve(command.Passed ? HitResolution.Cleared : HitResolution.Confirmed, actor.Id, now, justification);
        return step;
    }

    private async Task<Result<CaseEvent>> ApproveAsync(Case @case, string? reason, Actor actor, DateTime now, CancellationToken ct)
    {
        if (@case.EnteredBy == actor.Id)
            return Error.Conflict("duty.entered-by", "The agent who entered a case cannot approve it.");
        var resolvedHit = await db.ScreeningResults.AnyAsync(s => s.CaseId == @case.Id && s.ResolvedBy == actor.Id, ct);
        if (resolvedHit)
            return Error.Conflict("duty.resolved-hit", "The agent who resolved a screening hit on this case cannot approve it.");
        return @case.Apply(CaseAction.Approve, actor, now, reason);
    }

    private async Task<Result<CaseEvent>> PrintAsync(Case @case, CaseAction action, string? reason, Actor actor, DateTime now, CancellationToken ct)
    {
        // The lifecycle is asked first so an illegal step gets its own message, not the gate's.
        var legal = CaseLifecycle.Next(@case.State, action);
        if (!legal.IsSuccess)
            return legal.Error;

        var screenings = await db.ScreeningResults.Where(s => s.CaseId == @case.Id).ToListAsync(ct);
        var lastChange = await db.Watchlists.MaxAsync(w => (DateTime?)w.ChangedAt, ct);
        var gate = IssuanceGate.Check(@case, screenings, lastChange, now, options.Value.Screening.MaxAge);
        if (gate is { IsSuccess: false, Error.Code: "gate.screening-stale" or "gate.no-screening" })
        {
            // A stale screening is run again before print, by the system, against the lists of now.
            var rerun = await screen.ScreenTrackedAsync(@case, ScreenCase.System(@case.PostId), now, options.Value.Screening.IndexWait, ct);
            if (!rerun.IsSuccess)
                return rerun.Error;
            if (!rerun.Value.Passed)
            {
                afterCommit = Error.Conflict("screening.hit",
                    "The security checks were run again before printing and found a match: the case is now with the security officers and nothing was printed.");
                return @case.Events[^1];
            }

            screenings.Add(rerun.Value);
            gate = IssuanceGate.Check(@case, screenings, lastChange, now, options.Value.Screening.MaxAge);
        }

        if (!gate.IsSuccess)
            return gate.Error;

        if (action == CaseAction.Reprint)
        {
            var live = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.CaseId == @case.Id && d.Status == DocumentStatus.Printed, ct);
            if (live is not null)
            {
                live.Void(now, "Reprinted: " + reason);
                // The old document is voided before the new one exists: one live document per case.
                await db.SaveChangesAsync(ct);
            }
        }

        var printed = await print.ExecuteAsync(@case, gate.Value, actor, now, ct);
        if (!printed.IsSuccess)
            return printed.Error;
        return @case.Apply(action, actor, now, reason ?? $"Document {printed.Value.DocumentNumber}");
    }

    private async Task<Result<CaseEvent>> InvalidateAsync(Case @case, string reason, Actor actor, DateTime now, CancellationToken ct)
    {
        var step = @case.Apply(CaseAction.Invalidate, actor, now, reason);
        if (!step.IsSuccess)
            return step;
        var live = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.CaseId == @case.Id && d.Status == DocumentStatus.Printed, ct);
        if (live is null)
            return step;
        live.Void(now, "Invalidated: " + reason);
        // The invalidated document joins the register that every later screening checks.
        var state = options.Value.IssuingState;
        if (await DocumentRegister.FindAsync(db, live.DocumentNumber, state, ct) is null)
        {
            db.RegisteredDocuments.Add(new RegisteredDocument
            {
                DocumentNumber = DocumentRegister.Normalise(live.DocumentNumber),
                IssuingState = state,
                Status = RegisteredDocumentStatus.Invalidated,
                Source = "Chancery",
                Reason = reason,
                RecordedAt = now,
                CaseId = @case.Id,
            });
        }

        return step;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused {Action} (code {Code}, tables {Tables})")]
    private static partial void LogWriteRefused(ILogger logger, CaseAction action, string code, string tables);
}
