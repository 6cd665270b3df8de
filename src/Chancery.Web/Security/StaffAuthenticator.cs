using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Chancery.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Chancery.Web.Security;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for staff. Identity's own provider
/// reads the system clock and accepts a code again and again within its window; this one reads the injected
/// <see cref="TimeProvider"/> and accepts each time step once per account (RFC 6238 §5.2), so a code seen over
/// a shoulder or in a proxy log cannot be replayed. The last accepted step is kept in the user's token store.
/// </summary>
internal sealed class StaffAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string ProviderName = "ChanceryAuthenticator";
    public const int StepSeconds = 30;
    public const string TokenStore = "Chancery";
    public const string LastStepToken = "AuthenticatorLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    // Nothing is sent: the code comes from the agent's authenticator app.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32Decode(key) is not { } secret)
            return false;

        var now = CurrentStep(clock.GetUtcNow());
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenStore, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        // One step either side allows for a phone clock a little off; a step already used is refused.
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= last || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
                continue;
            // The update checks the concurrency stamp: of two sign-ins racing with the same code, one fails here.
            var saved = await manager.SetAuthenticationTokenAsync(user, TokenStore, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            return saved.Succeeded;
        }

        return false;
    }

    public static long CurrentStep(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The 6-digit code of one time step.</summary>
    public static string Code(byte[] secret, long step)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 authenticator apps compute HMAC-SHA1; HMAC-SHA1 is not broken the way SHA-1 collisions are.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[19] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key as Identity stores it (RFC 4648 base32), decoded; null when it is not base32.</summary>
    public static byte[]? Base32Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.ToUpperInvariant())
        {
            if (c is '=' or ' ')
                continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return output.ToArray();
    }

    /// <summary>The key in groups of four, as an agent types it into an app.</summary>
    public static string Readable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join(' ', key.ToUpperInvariant().Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string OtpAuthUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key.Replace(" ", "", StringComparison.Ordinal)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period={StepSeconds}";
}
