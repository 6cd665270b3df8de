using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Chancery.TestCommon.Postgres;

/// <summary>
/// The PostgreSQL server the tests of this process share: a throwaway cluster started on first use
/// and stopped when the process exits, or the server named by <c>CHANCERY_TEST_PG</c>.
/// Tests never share data: each asks for a database of its own.
/// </summary>
#pragma warning disable CA1001 // One instance lives as long as the process; its semaphore needs no disposing.
public sealed class PostgresCluster
#pragma warning restore CA1001
{
    /// <summary>Holds an Npgsql connection string (a superuser's) to use instead of a throwaway cluster.</summary>
    public const string ServerVariable = "CHANCERY_TEST_PG";

    private const int MaxPrefixLength = 40;

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NpgsqlDataSource admin;
    private readonly LocalPostgresServer? server;
    private readonly ConcurrentQueue<string> created = new();
    private readonly SemaphoreSlim copying = new(1, 1);
    private readonly string appPassword;
    private int sequence;

    private PostgresCluster(string adminConnectionString, LocalPostgresServer? server)
    {
        AdminConnectionString = adminConnectionString;
        this.server = server;
        admin = NpgsqlDataSource.Create(adminConnectionString);
        // One per process: test processes may share a server named by CHANCERY_TEST_PG.
        AppRole = "chancery_app_" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        appPassword = RandomNumberGenerator.GetHexString(32, lowercase: true);
    }

    /// <summary>A superuser's connection string to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>
    /// The role the application under test connects as: it may log in, owns nothing and does not bypass
    /// row-level security, as in production (docs/rls.md). Migrations run as the superuser, the tables' owner.
    /// </summary>
    public string AppRole { get; }

    /// <summary>The same database as <paramref name="ownerConnectionString"/>, as <see cref="AppRole"/>.</summary>
    public string AppConnectionString(string ownerConnectionString) =>
        new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = AppRole, Password = appPassword }.ConnectionString;

    /// <summary>The process-wide cluster, started on the first call.</summary>
    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    /// <param name="prefix">Starts the database's name, to tell in the server's log which test made it.</param>
    /// <param name="template">A database to copy instead of the empty template; nobody may be connected to it.</param>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, string? template = null)
    {
        var name = $"{Sanitize(prefix)}_{Interlocked.Increment(ref sequence)}_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        // The name is built from [a-z0-9_] only, so quoting it is enough. On our own server (15, fsync off)
        // copying the template's files is two to three times faster than the default of logging it to WAL.
        await using (var connection = await admin.OpenConnectionAsync())
        {
            var strategy = server is not null && connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : "";
            var from = template is null ? "" : $" TEMPLATE \"{template}\"";
            // Copies of one template are made one at a time: PostgreSQL refuses a copy while the template is in use.
            await copying.WaitAsync();
            try
            {
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}{strategy}", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                copying.Release();
            }
        }
        created.Enqueue(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        PostgresCluster cluster;
        if (!string.IsNullOrWhiteSpace(external))
        {
            cluster = new PostgresCluster(
                new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString, server: null);
        }
        else
        {
            var server = await LocalPostgresServer.StartAsync();
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = server.Port,
                Username = LocalPostgresServer.AdminUser,
                Password = server.Password,
                Database = "postgres",
                IncludeErrorDetail = true,
                // Every test database has a pool of its own; idle ones must close soon,
                // or a few hundred tests exhaust max_connections.
                ConnectionIdleLifetime = 10,
                ConnectionPruningInterval = 5,
            };
            cluster = new PostgresCluster(builder.ConnectionString, server);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Shutdown();
        await using (var command = cluster.admin.CreateCommand(
            $"CREATE ROLE \"{cluster.AppRole}\" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '{cluster.appPassword}'"))
        {
            await command.ExecuteNonQueryAsync();
        }
        return cluster;
    }

    private static string Sanitize(string? prefix)
    {
        var name = new StringBuilder("t_");
        foreach (var c in (prefix ?? "").ToLowerInvariant())
        {
            if (name.Length >= MaxPrefixLength)
                break;
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        return name.ToString().TrimEnd('_');
    }

    private void Shutdown()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            server.Stop();
            return;
        }

        // On a server we do not own, leave nothing behind.
        while (created.TryDequeue(out var name))
        {
            try
            {
                using var command = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // Best effort at exit; the next run does not depend on it.
            }
        }
        try
        {
            using var command = admin.CreateCommand($"DROP ROLE IF EXISTS \"{AppRole}\"");
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // As above.
        }
        admin.Dispose();
    }
}
