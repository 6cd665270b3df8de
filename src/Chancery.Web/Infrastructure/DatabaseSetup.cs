using Chancery.Core.Data;
using Chancery.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// SQLite in <c>data/chancery.db</c> unless <c>Chancery:Database</c> says <c>postgres</c>,
/// with the connection string <c>ConnectionStrings:Chancery</c>.
/// </summary>
internal static class DatabaseSetup
{
    public const string SqliteMigrations = "Chancery.Migrations.Sqlite";
    public const string PostgresMigrations = "Chancery.Migrations.Postgres";

    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration[$"{ChanceryOptions.Section}:Database"], "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The default database: <c>data/chancery.db</c> under the directory Chancery is started from.</summary>
    public static string DefaultSqlitePath(IConfiguration configuration) =>
        Path.GetFullPath(Path.Combine(configuration["Chancery:DataDirectory"] ?? "data", "chancery.db"));

    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Chancery");
        if (IsPostgres(configuration))
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Chancery:Database is 'postgres' but ConnectionStrings:Chancery is empty; set ConnectionStrings__Chancery or pass --connection.")
                : configured;
        }

        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        var path = DefaultSqlitePath(configuration);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public static IServiceCollection AddChanceryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = IsPostgres(configuration);
        var connection = ConnectionString(configuration);
        services.AddDbContext<ChanceryDb>(o =>
        {
            if (postgres)
                o.UseNpgsql(connection, n => n.MigrationsAssembly(PostgresMigrations));
            else
                o.UseSqlite(connection, s => s.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas());
        });
        return services;
    }
}
