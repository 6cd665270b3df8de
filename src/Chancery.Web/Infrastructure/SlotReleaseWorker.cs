using Chancery.Core.Appointments;
using Chancery.Core.Data;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// The appointment calendar's jobs: progressive releases and no-shows every 45 seconds, slot generation over
/// the rolling horizon every ten minutes. Each job is safe when several instances run it at once.
/// </summary>
internal sealed partial class SlotReleaseWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlotReleaseWorker> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan GenerationEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        DateTime? generatedAt = null;
        do
        {
            try
            {
                await using var scope = scopes.CreateSystemScope();
                var services = scope.ServiceProvider;
                var now = clock.GetUtcNow().UtcDateTime;
                if (generatedAt is null || now - generatedAt >= GenerationEvery)
                {
                    var report = await services.GetRequiredService<GenerateSlots>().ExecuteAsync(null, stoppingToken);
                    generatedAt = now;
                    if (report.Created + report.Withdrawn + report.Restored > 0)
                        LogGenerated(log, report.Created, report.Withdrawn, report.Restored);
                    if (report.BookedOutside > 0)
                        LogBookedOutside(log, report.BookedOutside);
                }

                var released = await services.GetRequiredService<ReleaseSlots>().ExecuteAsync(stoppingToken);
                if (released > 0)
                    LogReleased(log, released);
                var noShows = await services.GetRequiredService<MarkNoShows>().ExecuteAsync(stoppingToken);
                if (noShows > 0)
                    LogNoShows(log, noShows);
                var lapsed = await services.GetRequiredService<ExpireUnpaidBookings>().ExecuteAsync(stoppingToken);
                if (lapsed > 0)
                    LogLapsed(log, lapsed);
                await services.GetRequiredService<AbuseGuard>().PurgeEventsAsync(stoppingToken);
                await services.GetRequiredService<PurgeBookingRequests>().ExecuteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment slots: {Created} generated, {Withdrawn} withdrawn, {Restored} restored")]
    private static partial void LogGenerated(ILogger logger, int created, int withdrawn, int restored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} booked appointment slots are no longer in their calendar (closed day or changed hours): see the closed days page")]
    private static partial void LogBookedOutside(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} appointment slots")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unpaid bookings lapsed at their payment deadline")]
    private static partial void LogLapsed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} bookings as no-shows")]
    private static partial void LogNoShows(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The appointment calendar jobs failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
