using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Options;
using Chancery.Core.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Keeps the screening index in step with the lists and finishes the checks nobody could run:
/// builds the index at start, rebuilds it (beside the one in use) when another process imported a
/// new list version, then screens every case still waiting in ChecksPending.
/// </summary>
internal sealed partial class ScreeningWorker(
    ScreeningIndexHolder holder, IServiceScopeFactory scopes, IOptions<ChanceryOptions> options, TimeProvider clock, ILogger<ScreeningWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Screening.IndexRefresh, clock);
        do
        {
            try
            {
                await holder.RefreshAsync(stoppingToken);
                await ScreenWaitingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is away for a moment must not stop screening for good: log and try at the next tick.
                LogFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScreenWaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var waiting = await db.Cases.Where(c => c.State == CaseState.ChecksPending).OrderBy(c => c.EnteredAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var id in waiting)
        {
            await using var caseScope = scopes.CreateSystemScope();
            var screen = caseScope.ServiceProvider.GetRequiredService<ScreenCase>();
            var result = await screen.ExecuteAsync(id, options.Value.Screening.IndexWait, ct);
            if (!result.IsSuccess && result.Error.Code == "screening.index-not-ready")
                return;
        }

        if (waiting.Count > 0)
            LogScreened(log, waiting.Count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Screening worker: the index refresh or the waiting checks failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Screening worker: ran the checks of {Count} waiting cases")]
    private static partial void LogScreened(ILogger logger, int count);
}
