using System.Diagnostics;

namespace Chancery.TestCommon.Postgres;

/// <summary>Runs a program to completion, optionally as another system user, and keeps what it printed.</summary>
internal static class ExternalCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<Outcome> RunAsync(string program, IEnumerable<string> arguments, string? asUser = null, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = asUser is null ? program : "runuser",
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The other user may not be allowed into the test host's own directory.
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (asUser is not null)
        {
            foreach (var argument in new[] { "-u", asUser, "--", program })
                startInfo.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new Outcome(process.ExitCode, await output + await errors);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(startInfo)} did not finish within {Limit}.");
        }
    }

    public static async Task<string> RunCheckedAsync(string program, IEnumerable<string> arguments, string? asUser = null, string? workingDirectory = null)
    {
        var argumentList = arguments.ToList();
        var outcome = await RunAsync(program, argumentList, asUser, workingDirectory);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', argumentList)} exited with {outcome.ExitCode}:{Environment.NewLine}{outcome.Output}");
        }
        return outcome.Output;
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        $"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}";

    public readonly record struct Outcome(int ExitCode, string Output);
}
