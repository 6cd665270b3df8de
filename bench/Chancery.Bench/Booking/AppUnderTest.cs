using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Chancery.Bench.Booking;

/// <summary>
/// The real application, built in Release, as a child process on Kestrel on a loopback port against the
/// benchmark's database, in the Production environment, its background workers off and the per-address
/// limits raised (every request comes from 127.0.0.1). Its output goes to a log file.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly string directory;

    private AppUnderTest(Process process, StreamWriter log, string directory, Uri address)
    {
        this.process = process;
        this.log = log;
        this.directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public string LogFile => Path.Combine(directory, "app.log");

    public static async Task<AppUnderTest> StartAsync(string repository, IEnumerable<KeyValuePair<string, string?>> databaseSettings)
    {
        var dll = Path.Combine(repository, "src", "Chancery.Web", "bin", "Release", "net10.0", "chancery.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} not found: build src/Chancery.Web in Release first (scripts/bench.sh does).");
        var directory = Path.Combine(Path.GetTempPath(), "chancery-bench-" + RandomNumberGenerator.GetHexString(10, lowercase: true));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Chancery__DataDirectory"] = Path.Combine(directory, "data"),
            ["Chancery__DataProtectionKeys"] = Path.Combine(directory, "keys"),
            ["Chancery__Uploads__Directory"] = Path.Combine(directory, "uploads"),
            ["Chancery__Altcha__HmacKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Chancery__Appointments__Release"] = "false",
            ["Chancery__Appointments__Ballots"] = "false",
            ["Chancery__Screening__Worker"] = "false",
            ["Chancery__Applications__DraftErasure"] = "false",
            ["Chancery__Mail__Mode"] = "pickup",
            ["Chancery__Mail__PickupDirectory"] = Path.Combine(directory, "mail"),
            // One loopback address stands for ten thousand people: the per-address limits (at their maximum) stay out of the way.
            ["Chancery__Abuse__Limits__PagesPerMinute"] = "1000000",
            ["Chancery__Abuse__Limits__ChallengesPerMinute"] = "1000000",
            ["Chancery__Abuse__IdentitiesPerAddress"] = "100000",
        };
        // The database's own settings: its connections (the owner's for migrations, the application role's under
        // row-level security) and the master key its rows were sealed with.
        foreach (var (key, value) in databaseSettings)
        {
            if (value is not null)
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        var log = new StreamWriter(Path.Combine(directory, "app.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(process, log, directory, address);
        try
        {
            await app.WaitReadyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
            log.Dispose();
    }

    /// <summary>Removes the app's temporary directory (its log, mail and keys).</summary>
    public void Delete()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleaner.
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            if (log.BaseStream.CanWrite)
                log.WriteLine(line);
        }
    }

    // The app migrates the database before it listens; ready once /health/ready answers 200.
    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} at start; see {LogFile}.");
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // As above.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The app was not ready within 2 minutes; see {LogFile}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
