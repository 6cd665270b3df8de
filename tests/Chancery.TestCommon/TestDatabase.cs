using Chancery.Core.Data;
using Chancery.Core.Protection;
using Chancery.TestCommon.Postgres;
using Chancery.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.TestCommon;

/// <summary>A fresh, migrated database owned by one test class: a temporary SQLite file or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private ServiceProvider? protection;

    private TestDatabase(DatabaseKind kind, string connectionString, string? sqliteFile, string? appConnectionString = null)
    {
        Kind = kind;
        ConnectionString = connectionString;
        AppConnectionString = appConnectionString ?? connectionString;
        this.sqliteFile = sqliteFile;
    }

    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public DatabaseKind Kind { get; }

    /// <summary>The owner's connection (on PostgreSQL a superuser's): migrations, and tests that arrange or inspect rows.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// What the application under test connects with. On PostgreSQL a role that owns nothing, so that every test
    /// of the application runs under row-level security by post (docs/rls.md); on SQLite the same as the owner's.
    /// </summary>
    public string AppConnectionString { get; }

    /// <summary>The master key of this database's sealed fields: every app on the database reads it (made on first use).</summary>
    public string MasterKeyFile { get; } = Path.Combine(Path.GetTempPath(), "chancery-master-" + Guid.NewGuid().ToString("N") + ".key");

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, bool migrate = true)
    {
        TestDatabase database;
        if (kind == DatabaseKind.Postgres)
        {
            var cluster = await PostgresCluster.GetAsync();
            if (migrate)
            {
                // A copy of a migrated template is much faster than migrating each new database.
                var template = await MigratedTemplate.Value;
                var copy = await cluster.CreateDatabaseAsync("chancery", template);
                var copied = new TestDatabase(kind, copy, null, cluster.AppConnectionString(copy));
                await copied.Protection.GetRequiredService<KeyRing>().EnsureAsync(CancellationToken.None);
                return copied;
            }

            var empty = await cluster.CreateDatabaseAsync("chancery");
            database = new TestDatabase(kind, empty, null, cluster.AppConnectionString(empty));
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"chancery-test-{Guid.NewGuid():N}.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString();
            database = new TestDatabase(kind, cs, file);
        }

        if (migrate)
        {
            await using var db = database.NewContext();
            await db.Database.MigrateAsync();
            await database.Protection.GetRequiredService<KeyRing>().EnsureAsync(CancellationToken.None);
        }

        return database;
    }

    public ChanceryDb NewContext() => new(Options());

    /// <summary>
    /// The sealing services over this database and its master key, as the application has them: contexts from
    /// <see cref="NewContext"/> seal and open personal fields the same way, so tests read and arrange clear values.
    /// </summary>
    public ServiceProvider Protection => protection ??= BuildProtection();

    private ServiceProvider BuildProtection()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IMasterKey>(_ => FileMasterKey.Load(MasterKeyFile, create: true));
        services.AddSingleton<KeyRing>();
        services.AddSingleton<Sealer>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<RotateKeys>();
        // A sealing context, as in the application: the rotation reads and re-seals through it.
        services.AddScoped(_ => new ChanceryDb(Options()));
        return services.BuildServiceProvider();
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var cluster = await PostgresCluster.GetAsync();
        var connectionString = await cluster.CreateDatabaseAsync("template");
        var template = new TestDatabase(DatabaseKind.Postgres, connectionString, null);
        await using (var db = new ChanceryDb(template.BareOptions()))
        {
            await db.Database.MigrateAsync();
            // Grants are copied with the template; the role is the cluster's.
            await DatabaseSetup.GrantAppRoleAsync(db, cluster.AppRole, CancellationToken.None);
        }
        // No pooled connection may stay open on a database that is copied.
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            Npgsql.NpgsqlConnection.ClearPool(connection);
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    public DbContextOptions<ChanceryDb> Options() =>
        new DbContextOptionsBuilder<ChanceryDb>(BareOptions()).UseApplicationServiceProvider(Protection).AddInterceptors(SealingInterceptor.Instance).Options;

    /// <summary>Without the sealing interceptor: what a reader of the raw database sees (sealed text in the columns).</summary>
    public DbContextOptions<ChanceryDb> BareOptions()
    {
        var builder = new DbContextOptionsBuilder<ChanceryDb>();
        if (Kind == DatabaseKind.Postgres)
            builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(DatabaseSetup.PostgresMigrations));
        else
            builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations)).AddInterceptors(new SqlitePragmas());
        return builder.Options;
    }

    /// <summary>The command-line options that point a <c>chancery</c> verb at this database, with its master key.</summary>
    public string[] CliArguments() =>
    [
        "--database", Kind == DatabaseKind.Postgres ? "postgres" : "sqlite", "--connection", ConnectionString,
        "--Chancery:Protection:MasterKeyFile=" + MasterKeyFile, "--Chancery:Protection:CreateMasterKey=true",
    ];

    /// <summary>Configuration keys that point the application at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Chancery:Database", Kind == DatabaseKind.Postgres ? "postgres" : "sqlite"),
        new("ConnectionStrings:Chancery", ConnectionString),
        new("ConnectionStrings:ChanceryApp", Kind == DatabaseKind.Postgres ? AppConnectionString : null),
        new("Chancery:Demo", "false"),
        new("Chancery:Protection:MasterKeyFile", MasterKeyFile),
        new("Chancery:Protection:CreateMasterKey", "true"),
        // PostgreSQL deployments must share the proof-of-work key between instances; every app on a test database uses this one.
        new("Chancery:Altcha:HmacKey", ChanceryApp.AltchaKey),
    ];

    public ValueTask DisposeAsync()
    {
        protection?.Dispose();
        try
        {
            File.Delete(MasterKeyFile);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaner.
        }

        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // A file still open elsewhere is left to the temp folder's cleaner.
                }
            }
        }

        return ValueTask.CompletedTask;
    }
}
