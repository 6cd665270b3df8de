using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Appointments;

/// <summary>
/// ALTCHA v2 proof-of-work challenges (PBKDF2/SHA-256, deterministic mode): made and signed here, verified
/// here with two HMACs and no key derivation. A singleton: each verification opens its own scope for the
/// database, where a redeemed challenge is recorded with an atomic insert-if-absent that every instance shares.
/// </summary>
public sealed class AltchaChallenges
{
    public const string Algorithm = "PBKDF2/SHA-256";

    // Payloads are a few hundred bytes; anything much larger is not from the widget.
    private const int MaxPayloadLength = 4096;

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(5);

    private readonly AltchaOptions options;
    private readonly TimeProvider clock;
    private readonly IServiceScopeFactory scopes;
    private readonly byte[] signatureKey;
    private readonly byte[] keySignatureKey;
    private long nextPurgeTicks;

    public AltchaChallenges(IOptions<AltchaOptions> options, TimeProvider clock, IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.clock = clock;
        this.scopes = scopes;
        var secret = Convert.FromBase64String(this.options.HmacKey ?? throw new InvalidOperationException($"{AltchaOptions.Section}:HmacKey is not set."));
        if (secret.Length < 32)
            throw new InvalidOperationException($"{AltchaOptions.Section}:HmacKey must be at least 32 bytes (base64).");
        // Two keys from one secret: the challenge's signature and the derived key's signature never share a key.
        signatureKey = HKDF.Expand(HashAlgorithmName.SHA256, secret, 32, "altcha-signature"u8.ToArray());
        keySignatureKey = HKDF.Expand(HashAlgorithmName.SHA256, secret, 32, "altcha-key-signature"u8.ToArray());
    }

    /// <summary>A new challenge bound to the action (book, ballot, code...). Costs one key derivation: rate-limit its callers.</summary>
    public AltchaChallenge Create(string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var nonce = RandomNumberGenerator.GetBytes(16);
        var salt = RandomNumberGenerator.GetBytes(16);
        var counter = RandomNumberGenerator.GetInt32(options.CounterMin, Math.Max(options.CounterMin, options.CounterMax) + 1);
        var derivedKey = DeriveKey(nonce, salt, counter, options.Cost, options.KeyLength);
        var keyHex = Convert.ToHexStringLower(derivedKey);
        var expiresAt = clock.GetUtcNow().Add(options.Lifetime).ToUnixTimeSeconds();
        var parameters = new AltchaParameters(
            Algorithm,
            Convert.ToHexStringLower(nonce),
            Convert.ToHexStringLower(salt),
            options.Cost,
            options.KeyLength,
            keyHex[..(keyHex.Length / 2)],
            Convert.ToHexStringLower(HMACSHA256.HashData(keySignatureKey, derivedKey)),
            expiresAt,
            action);
        var canonical = AltchaCanonicalJson.Write(parameters);
        var signature = Sign(canonical);
        return new AltchaChallenge(parameters, signature, $"{{\"parameters\":{canonical},\"signature\":\"{signature}\"}}");
    }

    /// <summary>
    /// Checks a payload posted by the widget (base64 of JSON) for the action, and redeems it: a second
    /// verification of the same challenge, on this instance or another, is <see cref="AltchaCheck.Replayed"/>.
    /// </summary>
    public async Task<AltchaCheck> VerifyAsync(string? payload, string action, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var (check, nonce, expiresAt) = Inspect(payload, action);
        if (check != AltchaCheck.Valid)
            return check;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt).UtcDateTime;
        // One statement, so two instances racing on one payload cannot both insert: the loser gets 0 rows.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "UsedChallenges" ("Id", "ExpiresAt") VALUES ({nonce}, {expires}) ON CONFLICT DO NOTHING""", ct);
        await PurgeNowAndThenAsync(db, ct);
        return inserted == 1 ? AltchaCheck.Valid : AltchaCheck.Replayed;
    }

    // Everything but the single-use record: no database needed.
    private (AltchaCheck Check, string Nonce, long ExpiresAt) Inspect(string? payload, string action)
    {
        if (string.IsNullOrWhiteSpace(payload))
            return (AltchaCheck.Missing, "", 0);
        if (payload.Length > MaxPayloadLength)
            return (AltchaCheck.Malformed, "", 0);
        var bytes = new byte[payload.Length];
        if (!Convert.TryFromBase64String(payload.Trim(), bytes, out var length))
            return (AltchaCheck.Malformed, "", 0);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(0, length));
        }
        catch (JsonException)
        {
            return (AltchaCheck.Malformed, "", 0);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (AltchaCheck.Malformed, "", 0);
            if (root.TryGetProperty("test", out var test) && test.ValueKind != JsonValueKind.False && test.ValueKind != JsonValueKind.Null)
                return (AltchaCheck.TestMode, "", 0);
            if (!root.TryGetProperty("challenge", out var challenge) || challenge.ValueKind != JsonValueKind.Object
                || !challenge.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("solution", out var solution) || solution.ValueKind != JsonValueKind.Object)
                return (AltchaCheck.Malformed, "", 0);

            if (!challenge.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.String
                || !Matches(Sign(AltchaCanonicalJson.Write(parameters)), signature.GetString()!))
                return (AltchaCheck.BadSignature, "", 0);

            // Signed by us from here on, so the fields are ours; still read them without trusting their shape.
            if (!parameters.TryGetProperty("expiresAt", out var expiresAtElement) || !expiresAtElement.TryGetInt64(out var expiresAt)
                || !parameters.TryGetProperty("nonce", out var nonceElement) || nonceElement.ValueKind != JsonValueKind.String
                || !parameters.TryGetProperty("keyPrefix", out var prefixElement) || prefixElement.ValueKind != JsonValueKind.String
                || !parameters.TryGetProperty("keySignature", out var keySignatureElement) || keySignatureElement.ValueKind != JsonValueKind.String)
                return (AltchaCheck.Malformed, "", 0);
            if (clock.GetUtcNow().ToUnixTimeSeconds() >= expiresAt)
                return (AltchaCheck.Expired, "", 0);
            if (!parameters.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("action", out var boundAction) || boundAction.ValueKind != JsonValueKind.String
                || !string.Equals(boundAction.GetString(), action, StringComparison.Ordinal))
                return (AltchaCheck.WrongAction, "", 0);

            if (!solution.TryGetProperty("derivedKey", out var derivedKeyElement) || derivedKeyElement.ValueKind != JsonValueKind.String)
                return (AltchaCheck.WrongSolution, "", 0);
            var derivedKeyHex = derivedKeyElement.GetString()!;
            byte[] derivedKey;
            try
            {
                derivedKey = Convert.FromHexString(derivedKeyHex);
            }
            catch (FormatException)
            {
                return (AltchaCheck.WrongSolution, "", 0);
            }

            var keyHex = Convert.ToHexStringLower(derivedKey);
            if (!Matches(Convert.ToHexStringLower(HMACSHA256.HashData(keySignatureKey, derivedKey)), keySignatureElement.GetString()!)
                || !keyHex.StartsWith(prefixElement.GetString()!, StringComparison.Ordinal))
                return (AltchaCheck.WrongSolution, "", 0);

            var nonce = nonceElement.GetString()!;
            return nonce.Length is 0 or > 64 ? (AltchaCheck.Malformed, "", 0) : (AltchaCheck.Valid, nonce, expiresAt);
        }
    }

    /// <summary>The browser's work for one counter: PBKDF2-SHA256 over nonce bytes followed by the counter as a big-endian uint32.</summary>
    internal static byte[] DeriveKey(byte[] nonce, byte[] salt, int counter, int cost, int keyLength)
    {
        var password = new byte[nonce.Length + 4];
        nonce.CopyTo(password, 0);
        BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), (uint)counter);
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, cost, HashAlgorithmName.SHA256, keyLength);
    }

    private string Sign(string canonical) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signatureKey, Encoding.UTF8.GetBytes(canonical)));

    private static bool Matches(string expectedHex, string givenHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(givenHex.ToLowerInvariant()));

    // Expired rows cannot be replayed anyway (the expiry check refuses them first): one delete every few minutes per instance.
    private async Task PurgeNowAndThenAsync(ChanceryDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextPurgeTicks, now.Add(PurgeEvery).UtcTicks, due) != due)
            return;
        var cutoff = now.UtcDateTime;
        await db.UsedChallenges.Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
