using System.Globalization;
using System.Runtime.InteropServices;
using Chancery.Core.Audit;
using Chancery.Core.Data;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Cli;

/// <summary>
/// <c>chancery audit verify</c>: checks every entry and every checkpoint of the audit log; exit 0 with a
/// summary, 1 naming the first entry altered, removed or reordered or the checkpoint that fails.
/// <c>chancery audit checkpoint [--every 5m]</c>: the signer, run in production under the account that
/// alone can read the signing key.
/// </summary>
internal static class AuditCommand
{
    public const string Usage = "usage: chancery audit verify [--verify-key FILE] | chancery audit checkpoint [--every 5m] [--signing-key FILE] [--verify-key FILE]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (args.Count == 0 || args[0] is not ("verify" or "checkpoint"))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var options = services.GetRequiredService<IOptions<AuditOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        string signingKey = options.SigningKeyPath(root), verifyKey = options.VerifyKeyPath(root);
        TimeSpan? every = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (i + 1 >= args.Count)
            {
                await stderr.WriteLineAsync($"chancery audit: {args[i]} needs a value.");
                return 2;
            }

            switch (args[i])
            {
                case "--verify-key": verifyKey = Path.GetFullPath(args[++i]); break;
                case "--signing-key" when args[0] == "checkpoint": signingKey = Path.GetFullPath(args[++i]); break;
                case "--every" when args[0] == "checkpoint":
                    every = Interval(args[++i]);
                    if (every is null)
                    {
                        await stderr.WriteLineAsync($"chancery audit: --every must be a duration such as 30s, 5m or 1h, not '{args[i]}'.");
                        return 2;
                    }

                    break;
                default:
                    await stderr.WriteLineAsync($"chancery audit: unknown option '{args[i]}'.");
                    return 2;
            }
        }

        var db = services.GetRequiredService<ChanceryDb>();
        if (args[0] == "verify")
        {
            var keys = AuditVerifyKey.AllFromFile(verifyKey);
            if (keys.Count == 0)
                await stderr.WriteLineAsync($"chancery audit: no public key in {verifyKey}; checkpoints cannot be verified.");
            var verification = await new VerifyAuditLog(db).ExecuteAsync(keys, ct);
            await stdout.WriteLineAsync(verification.Describe());
            return verification.IsValid ? 0 : 1;
        }

        return await CheckpointAsync(new SignCheckpoint(db, services.GetRequiredService<TimeProvider>()), signingKey, verifyKey, every, services.GetRequiredService<TimeProvider>(), stdout, stderr, ct);
    }

    private static async Task<int> CheckpointAsync(SignCheckpoint sign, string signingKey, string verifyKey, TimeSpan? every, TimeProvider clock, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        AuditSigningKey key;
        try
        {
            key = AuditSigningKey.LoadOrCreate(signingKey, verifyKey);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            await stderr.WriteLineAsync($"chancery audit: cannot use the signing key {signingKey}: {e.Message}");
            return 2;
        }

        using (key)
        {
            var retired = AuditVerifyKey.AllFromFile(verifyKey).Where(k => k.KeyId != key.KeyId).ToList();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (every is null)
                return await OnceAsync() ? 0 : 1;

            // The long-running signer stops on Ctrl+C or SIGTERM (systemd stop) between two checkpoints.
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            using var timer = new PeriodicTimer(every.Value, clock);
            try
            {
                do
                {
                    await OnceAsync();
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }

            return 0;

            async Task<bool> OnceAsync()
            {
                var (verification, signed) = await sign.ExecuteAsync(key, retired, stop.Token);
                if (!verification.IsValid)
                {
                    await stderr.WriteLineAsync("chancery audit: not signed: " + verification.Describe());
                    return false;
                }

                await stdout.WriteLineAsync(signed is null
                    ? string.Create(CultureInfo.InvariantCulture, $"nothing new to sign: {verification.Entries} entries, the latest checkpoint covers {verification.LatestCheckpoint?.TreeSize ?? 0}")
                    : string.Create(CultureInfo.InvariantCulture, $"signed checkpoint {signed.TreeSize} root {signed.RootHash} at {AuditCheckpoints.Iso(signed.SignedAt)} with key {signed.KeyId}"));
                return true;
            }
        }
    }

    private static TimeSpan? Interval(string text)
    {
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return text[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                _ => null,
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
