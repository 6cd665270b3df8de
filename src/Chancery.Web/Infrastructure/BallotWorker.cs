using Chancery.Core.Appointments;
using Chancery.Core.Data;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Every minute: opens announced ballots, draws closed ones, lapses offers not confirmed in time and offers their
/// slots to the next drawn. The jobs are safe with several instances, so every instance runs this.
/// </summary>
internal sealed partial class BallotWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BallotWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateSystemScope();
                var drawn = await scope.ServiceProvider.GetRequiredService<DrawBallots>().ExecuteAsync(stoppingToken);
                if (drawn.Opened + drawn.Drawn > 0)
                    LogDrawn(log, drawn.Opened, drawn.Drawn);
                var lapsed = await scope.ServiceProvider.GetRequiredService<LapseBallotOffers>().ExecuteAsync(stoppingToken);
                if (lapsed.Lapsed + lapsed.Offered + lapsed.ReturnedToPool > 0)
                    LogLapsed(log, lapsed.Lapsed, lapsed.Offered, lapsed.ReturnedToPool);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballots: {Opened} opened, {Drawn} drawn")]
    private static partial void LogDrawn(ILogger logger, int opened, int drawn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot offers: {Lapsed} lapsed, {Offered} offered to the next drawn, {Returned} slots back to the pool")]
    private static partial void LogLapsed(ILogger logger, int lapsed, int offered, int returned);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ballot jobs failed; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
