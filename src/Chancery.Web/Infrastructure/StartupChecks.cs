using Chancery.Core.Data;
using Chancery.Core.Options;
using Chancery.Core.Protection;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Before serving: the default SQLite database is created and migrated on first run; any other
/// database must already have exactly the schema this build expects, or the server stops and says why.
/// </summary>
internal sealed class StartupChecks(IServiceProvider services, IConfiguration configuration, ILogger<StartupChecks> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var verdict = await SchemaCheck.CheckAsync(db, cancellationToken);
        var isDefaultSqlite = !DatabaseSetup.IsPostgres(configuration) && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Chancery"));
        var empty = verdict.Found == "(empty database)";
        if (!verdict.Ok && isDefaultSqlite && empty)
        {
            await SchemaCheck.MigrateAsync(db, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<KeyRing>().EnsureAsync(cancellationToken);
            logger.LogInformation("Created the default database at {Path}", DatabaseSetup.DefaultSqlitePath(configuration));
            if (configuration.GetValue("Chancery:Demo", true))
                await DemoData.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
        else if (!verdict.Ok)
        {
            throw new SchemaMismatchException(verdict.Message!);
        }

        // The first data key and the blind-index keys, wrapped by the master key, made once per database.
        await scope.ServiceProvider.GetRequiredService<KeyRing>().EnsureAsync(cancellationToken);
        if (DatabaseSetup.IsPostgres(configuration) && !await DatabaseSetup.RowLevelSecurityInForceAsync(db, cancellationToken))
        {
            logger.LogWarning("Row-level security by post is not in force: the application connects as the tables' owner or a role that bypasses it. " +
                "Set ConnectionStrings:ChanceryApp to a role that does not own the tables (docs/rls.md).");
        }

        await GateSettingsSync.ApplyAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<ChanceryOptions>>(), cancellationToken);
        if (isDefaultSqlite)
            await DemoData.PrintSignInsAsync(scope.ServiceProvider, Console.Out, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
