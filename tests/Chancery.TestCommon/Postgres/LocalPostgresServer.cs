using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Chancery.TestCommon.Postgres;

/// <summary>
/// A PostgreSQL server in a fresh temporary directory, from the machine's own binaries,
/// tuned for speed over durability: nothing it holds outlives the test process.
/// </summary>
internal sealed class LocalPostgresServer
{
    public const string AdminUser = "chancery_admin";

    // PostgreSQL refuses to run as root; as root we hand the server to this system user.
    private const string ServiceUser = "postgres";
    private const int PortAttempts = 5;

    private readonly string binaries;
    private readonly string root;
    private readonly string? runAs;
    private int stopped;

    private LocalPostgresServer(string binaries, string root, string? runAs, string password)
    {
        this.binaries = binaries;
        this.root = root;
        this.runAs = runAs;
        Password = password;
    }

    public string Password { get; }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(root, "data");

    private string SocketDirectory => Path.Combine(root, "socket");

    private string LogFile => Path.Combine(root, "server.log");

    public static async Task<LocalPostgresServer> StartAsync()
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The throwaway cluster needs Linux or macOS; set CHANCERY_TEST_PG instead.");
        var binaries = FindBinaries();
        var runAs = Environment.IsPrivilegedProcess ? ServiceUser : null;
        if (runAs is not null)
            await EnsureSystemUserAsync(runAs);

        // As root, the temp directory must be one the service user can reach (TMPDIR may be under /root).
        var parent = runAs is null ? Path.GetTempPath() : "/tmp";
        var root = Path.Combine(parent, "chancery-pg-" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var server = new LocalPostgresServer(binaries, root, runAs, RandomNumberGenerator.GetHexString(32, lowercase: true));
        try
        {
            await server.InitializeAsync();
            server.StartWatchdog();
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            server.Stop();
            throw;
        }
    }

    /// <summary>Stops the server at once (no checkpoint: the data is thrown away) and removes its directory.</summary>
    /// <remarks>
    /// The test runner kills its host soon after the last test, maybe while this runs:
    /// so signal first and wait after, and leave whatever is unfinished to the watchdog.
    /// </remarks>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
            return;
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile))
        {
            ExternalCommand.RunAsync(
                    Path.Combine(binaries, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "--no-wait"], runAs, root)
                .GetAwaiter().GetResult();
            var waited = Stopwatch.StartNew();
            while (File.Exists(pidFile) && waited.Elapsed < TimeSpan.FromSeconds(10))
                Thread.Sleep(20);
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The watchdog removes what is left once this process is gone.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static string FindBinaries()
    {
        static bool HasInitdb(string directory) => File.Exists(Path.Combine(directory, "initdb"));

        // Debian and Ubuntu keep each major version apart; prefer 15, the version production runs.
        const string DebianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(DebianRoot))
        {
            var versions = Directory.GetDirectories(DebianRoot)
                .Select(directory => Path.Combine(directory, "bin"))
                .Where(HasInitdb)
                .OrderByDescending(bin => Path.GetFileName(Path.GetDirectoryName(bin)) == "15")
                .ThenByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToList();
            if (versions.Count > 0)
                return versions[0];
        }

        try
        {
            var bindir = ExternalCommand.RunCheckedAsync("pg_config", ["--bindir"]).GetAwaiter().GetResult().Trim();
            if (HasInitdb(bindir))
                return bindir;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on this machine; look on PATH below.
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasInitdb);
        return onPath ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries (initdb) found in /usr/lib/postgresql/*/bin, pg_config --bindir or PATH. " +
            "Install postgresql-15 (scripts/test.sh does), or set CHANCERY_TEST_PG to a connection string.");
    }

    private static async Task EnsureSystemUserAsync(string user)
    {
        if ((await ExternalCommand.RunAsync("id", ["-u", user])).ExitCode == 0)
            return;
        var created = await ExternalCommand.RunAsync(
            "useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", user]);
        // Another test process may have created it meanwhile.
        if (created.ExitCode != 0 && (await ExternalCommand.RunAsync("id", ["-u", user])).ExitCode != 0)
            throw new InvalidOperationException($"Could not create the system user {user}: {created.Output}");
    }

    private async Task InitializeAsync()
    {
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        Directory.CreateDirectory(SocketDirectory);
        if (runAs is not null)
            await ExternalCommand.RunCheckedAsync("chown", ["-R", $"{runAs}:", root]);

        await ExternalCommand.RunCheckedAsync(
            Path.Combine(binaries, "initdb"),
            [
                "--pgdata", DataDirectory,
                "--username", AdminUser,
                "--pwfile", passwordFile,
                "--auth-local", "trust",
                "--auth-host", "scram-sha-256",
                "--encoding", "UTF8",
                "--locale", "C.UTF-8",
                "--no-sync",
                "--no-instructions",
            ],
            runAs,
            root);
        File.Delete(passwordFile);

        // Speed over durability, and few surprises: fixed time zone, no background vacuum, no JIT.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{SocketDirectory}'
            max_connections = 200
            shared_buffers = 32MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            wal_level = minimal
            max_wal_senders = 0
            max_wal_size = 1GB
            autovacuum = off
            jit = off
            timezone = 'UTC'
            log_timezone = 'UTC'

            """);
    }

    private async Task StartServerAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            File.Delete(LogFile);
            var outcome = await ExternalCommand.RunAsync(
                Path.Combine(binaries, "pg_ctl"),
                ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {port}"],
                runAs,
                root);
            if (outcome.ExitCode == 0)
            {
                Port = port;
                return;
            }

            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "";
            // Another process may take the port between our probe and the server's bind.
            if (attempt < PortAttempts && log.Contains("could not bind", StringComparison.Ordinal))
                continue;
            throw new InvalidOperationException($"PostgreSQL did not start:{Environment.NewLine}{outcome.Output}{Environment.NewLine}{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// A detached shell that stops the server and removes its directory once this process is gone,
    /// even if it was killed and never ran its exit handlers.
    /// </summary>
    private void StartWatchdog()
    {
        const string Script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 1; done
            if [ -f "$2/postmaster.pid" ]; then
              kill -QUIT "$(head -n 1 "$2/postmaster.pid")"
              for _ in $(seq 50); do [ -f "$2/postmaster.pid" ] || break; sleep 0.2; done
            fi
            rm -rf "$3"
            """;
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in new[]
        {
            "-f", "bash", "-c", Script, "chancery-pg-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), DataDirectory, root,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(startInfo);
            process?.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid: the exit handler alone cleans up.
        }
    }
}
