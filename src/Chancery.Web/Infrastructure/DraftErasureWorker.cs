using Chancery.Core.Applications;
using Chancery.Core.Data;

namespace Chancery.Web.Infrastructure;

/// <summary>Erases the drafts of online applications 30 days after they were started, every hour.</summary>
internal sealed partial class DraftErasureWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DraftErasureWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateSystemScope();
                var erased = await scope.ServiceProvider.GetRequiredService<EraseExpiredDrafts>().ExecuteAsync(stoppingToken);
                if (erased > 0)
                    LogErased(log, erased);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} expired application drafts")]
    private static partial void LogErased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasing expired application drafts failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
