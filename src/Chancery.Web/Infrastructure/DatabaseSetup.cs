using System.Text.RegularExpressions;
using Chancery.Core.Data;
using Chancery.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// SQLite in <c>data/chancery.db</c> unless <c>Chancery:Database</c> says <c>postgres</c>,
/// with the connection string <c>ConnectionStrings:Chancery</c>. On PostgreSQL, <c>ConnectionStrings:ChanceryApp</c>
/// (optional) names a second role that is not the tables' owner: the application then works as that role, under
/// row-level security by post, and only migrations use the owner's connection (docs/rls.md).
/// </summary>
internal static partial class DatabaseSetup
{
    public const string SqliteMigrations = "Chancery.Migrations.Sqlite";
    public const string PostgresMigrations = "Chancery.Migrations.Postgres";

    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration[$"{ChanceryOptions.Section}:Database"], "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The default database: <c>data/chancery.db</c> under the directory Chancery is started from.</summary>
    public static string DefaultSqlitePath(IConfiguration configuration) =>
        Path.GetFullPath(Path.Combine(configuration["Chancery:DataDirectory"] ?? "data", "chancery.db"));

    /// <summary>The owner's connection: migrations, and everything else when no application role is configured.</summary>
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

    /// <summary>The application role's connection on PostgreSQL (<c>ConnectionStrings:ChanceryApp</c>), or null when there is none.</summary>
    public static string? AppConnectionString(IConfiguration configuration)
    {
        var app = configuration.GetConnectionString("ChanceryApp");
        return IsPostgres(configuration) && !string.IsNullOrWhiteSpace(app) ? app : null;
    }

    public static IServiceCollection AddChanceryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = IsPostgres(configuration);
        var connection = postgres ? AppConnectionString(configuration) ?? ConnectionString(configuration) : ConnectionString(configuration);
        services.AddScoped<DataScope>();
        services.AddScoped<PostScopeInterceptor>();
        services.AddDbContext<ChanceryDb>((sp, o) =>
        {
            // The scope is set on every connection, whatever the role: harmless for an owner, who bypasses the policies.
            if (postgres)
                o.UseNpgsql(connection, n => n.MigrationsAssembly(PostgresMigrations)).AddInterceptors(sp.GetRequiredService<PostScopeInterceptor>());
            else
                o.UseSqlite(connection, s => s.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas());
            // Personal fields are sealed on the way in and opened on the way out (Chancery.Core.Protection).
            o.AddInterceptors(Core.Protection.SealingInterceptor.Instance);
        });
        return services;
    }

    /// <summary>
    /// A context on the owner's connection, for migrations and the grants that follow them. The application's own
    /// context is the same one unless an application role is configured.
    /// </summary>
    public static ChanceryDb CreateOwnerContext(IConfiguration configuration)
    {
        var builder = new DbContextOptionsBuilder<ChanceryDb>();
        if (IsPostgres(configuration))
            builder.UseNpgsql(ConnectionString(configuration), n => n.MigrationsAssembly(PostgresMigrations));
        else
            builder.UseSqlite(ConnectionString(configuration), s => s.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas());
        return new ChanceryDb(builder.Options);
    }

    /// <summary>
    /// Gives the application role what it needs and no more: data rights on every table and sequence of the schema,
    /// now and for the tables later migrations create (default privileges). Idempotent; run after each migration.
    /// Returns the role, or null when no application role is configured.
    /// </summary>
    public static async Task<string?> GrantAppRoleAsync(ChanceryDb owner, IConfiguration configuration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var app = AppConnectionString(configuration);
        if (app is null)
            return null;
        var role = new NpgsqlConnectionStringBuilder(app).Username;
        await GrantAppRoleAsync(owner, role ?? "", ct);
        return role;
    }

    /// <inheritdoc cref="GrantAppRoleAsync(ChanceryDb, IConfiguration, CancellationToken)"/>
    public static async Task GrantAppRoleAsync(ChanceryDb owner, string role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(role);
        if (!RoleName().IsMatch(role))
            throw new InvalidOperationException("ConnectionStrings:ChanceryApp must name its role (Username=…) in lower-case letters, digits and underscores.");

        // Role names cannot be parameters; the pattern above leaves nothing to escape.
        var grants = $"""
            GRANT USAGE ON SCHEMA public TO "{role}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}";
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}";
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{role}";
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "{role}";
            """;
#pragma warning disable EF1002 // The only interpolated value is a role name checked against a strict pattern above.
        await owner.Database.ExecuteSqlRawAsync(grants, ct);
#pragma warning restore EF1002
    }

    /// <summary>
    /// Whether the role the application connects as is held to the row-level security policies: not a superuser,
    /// without BYPASSRLS, and not (a member of) the owner of the tables.
    /// </summary>
    public static async Task<bool> RowLevelSecurityInForceAsync(ChanceryDb db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<bool>("""
            SELECT NOT (r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE')) AS "Value"
            FROM pg_roles r, pg_class c
            WHERE r.rolname = current_user AND c.oid = to_regclass('"Cases"')
            """).SingleOrDefaultAsync(ct);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
