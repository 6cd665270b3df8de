using System.Globalization;
using Chancery.Core.Protection;

namespace Chancery.Web.Cli;

// chancery keys rotate: a new data key, then every personal value re-sealed under it in batches while the servers
// keep serving, with a progress bar; run again after an interruption, it resumes the unfinished rotation instead
// of starting another. It ends by counting the values still under an older key: exit 0 when none remain (the older
// keys are then retired), 1 otherwise. chancery keys status: the key versions and what each still seals.
internal static class KeysCommand
{
    public const string Usage = "usage: chancery keys (rotate | status)";

    public static string? Problem(IReadOnlyList<string> args) =>
        args is ["rotate"] or ["status"] ? null : Usage;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stdout);
        var rotate = services.GetRequiredService<RotateKeys>();
        var keys = services.GetRequiredService<KeyRing>();
        if (args[0] == "status")
        {
            keys.Load();
            var older = await rotate.CountOlderAsync(keys.CurrentVersion, ct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Data key version {keys.CurrentVersion} (master key {keys.MasterKeyId})."));
            foreach (var (entity, count) in older.Where(o => o.Value > 0))
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {entity}: {count} row(s) still under an older version"));
            await stdout.WriteLineAsync(older.Values.Sum() == 0 ? "Every value is under the current version." : "A rotation is unfinished: run chancery keys rotate.");
            return 0;
        }

        var bar = new ProgressBar(stdout);
        var outcome = await rotate.ExecuteAsync(resume: true, bar, ct);
        bar.Finish();
        if (!outcome.Complete)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Not finished: {string.Join(", ", outcome.Remaining.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))} row(s) still under an older key " +
                $"(a server has not picked up version {outcome.NewVersion} yet; servers reload keys every {KeyRing.RefreshInterval.TotalSeconds:0} s). Run the command again to resume."));
            return 1;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Rotated to data key version {outcome.NewVersion}: {outcome.Resealed} row(s) re-sealed; verified: no value remains under an older version."));
        return 0;
    }

    /// <summary>A one-line bar redrawn in place: <c>[#####.....]  50%  1,000/2,000  Person</c>.</summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<RotateKeys.Progress>
    {
        private const int Width = 30;
        private int lastPercent = -1;

        public void Report(RotateKeys.Progress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
            if (percent == lastPercent && value.Entity.Length > 0)
                return;
            lastPercent = percent;
            var filled = Width * percent / 100;
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%  {value.Done:N0}/{value.Total:N0}  {value.Entity,-24}"));
            output.Flush();
        }

        public void Finish() => output.WriteLine();
    }
}
