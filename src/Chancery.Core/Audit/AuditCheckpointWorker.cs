using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Audit;

/// <summary>
/// Demo only (<c>Chancery:Audit:SignInProcess</c>): signs a checkpoint every few minutes inside the web
/// process. Production runs <c>chancery audit checkpoint --every 5m</c> under another account instead.
/// </summary>
public sealed partial class AuditCheckpointWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options, IHostEnvironment environment, ILogger<AuditCheckpointWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var key = AuditSigningKey.LoadOrCreate(settings.SigningKeyPath(environment.ContentRootPath), settings.VerifyKeyPath(environment.ContentRootPath));
                var retired = AuditVerifyKey.AllFromFile(settings.VerifyKeyPath(environment.ContentRootPath)).Where(k => k.KeyId != key.KeyId).ToList();
                var (verification, signed) = await scope.ServiceProvider.GetRequiredService<SignCheckpoint>().ExecuteAsync(key, retired, stoppingToken);
                if (!verification.IsValid)
                    LogInvalid(log, verification.Describe());
                else if (signed is not null)
                    LogSigned(log, signed.TreeSize);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed an audit checkpoint of {Size} entries")]
    private static partial void LogSigned(ILogger logger, long size);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The audit log does not verify; no checkpoint signed: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing an audit checkpoint failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
