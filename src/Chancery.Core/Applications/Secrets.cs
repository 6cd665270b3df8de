using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Applications;

/// <summary>Random tokens and codes for links and resumption; only their hashes are stored.</summary>
public static class Secrets
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Six digits, for a person to type.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a given secret with a stored hash in constant time.</summary>
    public static bool Matches(string? given, string? storedHash) =>
        given is not null && storedHash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(given)), Encoding.ASCII.GetBytes(storedHash));
}
