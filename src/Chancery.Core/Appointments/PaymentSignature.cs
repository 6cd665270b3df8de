using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Appointments;

/// <summary>
/// The payment provider's webhook signature: <c>hex(HMAC-SHA256(secret, timestamp + "." + body))</c>, the
/// timestamp (Unix seconds) sent beside it. A notice is accepted only when the signature matches the exact
/// bytes received and the timestamp is within the tolerance of the server's clock.
/// </summary>
public static class PaymentSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public enum Check
    {
        Valid,
        Missing,
        Stale,
        Mismatch,
    }

    public static string Sign(byte[] secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
    }

    public static Check Verify(byte[] secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return Check.Missing;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
            return Check.Stale;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? Check.Valid : Check.Mismatch;
    }
}
