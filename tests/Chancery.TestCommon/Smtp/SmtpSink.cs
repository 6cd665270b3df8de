using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chancery.TestCommon.Smtp;

/// <summary>
/// An SMTP server on 127.0.0.1 that accepts every message (and any login) and keeps it for the test to read:
/// Debian's aiosmtpd (python3-aiosmtpd, which scripts/test.sh installs) in a child process.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    // Binds port 0 and prints the port it got, so two sinks never race for one. Each message becomes
    // NNNNNN.envelope (MAIL FROM, then one RCPT TO a line) and NNNNNN.eml (the DATA, byte for byte),
    // the .eml renamed into place last. When its stdin closes (disposed, or the test process is gone),
    // it removes the directory and exits.
    private const string Script = """
        import asyncio, os, shutil, sys, threading
        from aiosmtpd.smtp import SMTP, AuthResult

        directory = sys.argv[1]

        class Sink:
            count = 0

            async def handle_DATA(self, server, session, envelope):
                Sink.count += 1
                name = os.path.join(directory, "%06d" % Sink.count)
                with open(name + ".envelope", "w", encoding="utf-8") as f:
                    f.write("\n".join([envelope.mail_from or ""] + list(envelope.rcpt_tos)))
                with open(name + ".tmp", "wb") as f:
                    f.write(envelope.original_content)
                os.rename(name + ".tmp", name + ".eml")
                return "250 OK"

        def accept(server, session, envelope, mechanism, auth_data):
            return AuthResult(success=True)

        async def main():
            loop = asyncio.get_running_loop()
            server = await loop.create_server(
                lambda: SMTP(Sink(), hostname="chancery-test-sink", enable_SMTPUTF8=True,
                             authenticator=accept, auth_require_tls=False),
                "127.0.0.1", 0)
            print(server.sockets[0].getsockname()[1], flush=True)
            await asyncio.Event().wait()

        def watch_stdin():
            sys.stdin.buffer.read()
            shutil.rmtree(directory, ignore_errors=True)
            os._exit(0)

        threading.Thread(target=watch_stdin, daemon=True).start()
        asyncio.run(main())
        """;

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder errors;

    private SmtpSink(Process process, string directory, StringBuilder errors, int port)
    {
        this.process = process;
        this.directory = directory;
        this.errors = errors;
        Port = port;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    /// <summary>Starts a sink of its own for the caller; dispose it to stop it.</summary>
    public static async Task<SmtpSink> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chancery-smtp-" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        Directory.CreateDirectory(directory);
        var startInfo = new ProcessStartInfo
        {
            // Debian's python3-aiosmtpd is installed for the system interpreter, which may not be first on PATH.
            FileName = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "-c", Script, directory })
            startInfo.ArgumentList.Add(argument);

        var errors = new StringBuilder();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start python3.");
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
                errors.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(DefaultWait);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }
        if (!int.TryParse(line, CultureInfo.InvariantCulture, out var port))
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
            Directory.Delete(directory, recursive: true);
            string output;
            lock (errors)
                output = errors.ToString();
            throw new InvalidOperationException(
                $"The SMTP sink did not start (is python3-aiosmtpd installed? scripts/test.sh installs it):{Environment.NewLine}{output}");
        }
        return new SmtpSink(process, directory, errors, port);
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        Directory.GetFiles(directory, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();

    /// <summary>Waits for the first message that matches (any message when no match is given).</summary>
    /// <exception cref="TimeoutException">None came in time; the message lists those that did.</exception>
    public async Task<ReceivedMail> WaitForMessageAsync(Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        var found = await WaitAsync(messages => messages.Where(match ?? (_ => true)).Take(1).ToList(), 1, timeout);
        return found[0];
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have come, and returns them all.</summary>
    public Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(messages => messages, count, timeout);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory; nothing depends on it.
        }
    }

    private async Task<IReadOnlyList<ReceivedMail>> WaitAsync(
        Func<IReadOnlyList<ReceivedMail>, IReadOnlyList<ReceivedMail>> select, int count, TimeSpan? timeout)
    {
        var limit = timeout ?? DefaultWait;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            var selected = select(messages);
            if (selected.Count >= count)
                return selected;
            if (waited.Elapsed >= limit || process.HasExited)
            {
                string output;
                lock (errors)
                    output = errors.ToString();
                var received = messages.Count == 0
                    ? "none"
                    : string.Join(", ", messages.Select(m => $"to {string.Join(' ', m.To)}: {m.Header("Subject")}"));
                var why = process.HasExited ? "The SMTP sink exited" : $"Waited {limit}";
                throw new TimeoutException(
                    $"{why} for {count} matching message(s); received {received}.{Environment.NewLine}{output}".TrimEnd());
            }
            await Task.Delay(50);
        }
    }

    private static ReceivedMail Read(string emlPath)
    {
        var envelope = File.ReadAllText(Path.ChangeExtension(emlPath, ".envelope")).Split('\n');
        return new ReceivedMail(envelope[0], envelope[1..], File.ReadAllText(emlPath, Encoding.UTF8));
    }
}
