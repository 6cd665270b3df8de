using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Protection;

/// <summary>
/// Keyed, truncated HMAC-SHA256 of a normalised value, one key per index, for the exact look-ups staff and the
/// system need without the value in clear. Truncated to <see cref="Bits"/> bits, a value matches about
/// N / 2^Bits records at a population of N, so an index value does not single out a person (sizing: docs/security.md);
/// candidates are then decrypted and compared. Nationality and birth date are never indexed alone.
/// </summary>
public sealed class BlindIndex(KeyRing keys)
{
    /// <summary>Travel-document number with its issuing state.</summary>
    public const string Document = "document";

    /// <summary>E-mail address.</summary>
    public const string Email = "email";

    /// <summary>Surname with full birth date.</summary>
    public const string NameBirth = "name-birth";

    /// <summary>Not truncated: the key of "one active booking per identity", where equality must be exact.</summary>
    public const string Identity = "identity";

    public const string PurposePrefix = "index:";

    /// <summary>2^20 = 1,048,576 buckets: about 10 records per value at 10 million records, 1 at a million.</summary>
    public const int Bits = 20;

    public static IReadOnlyList<string> Names { get; } = [Document, Email, NameBirth, Identity];

    public static string Purpose(string index) => PurposePrefix + index;

    /// <summary>The truncated index value of <paramref name="normalised"/> (already normalised by the caller).</summary>
    public int Of(string index, string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(keys.IndexKey(index), Encoding.UTF8.GetBytes(normalised), mac);
        return (int)(((uint)mac[0] << 16 | (uint)mac[1] << 8 | mac[2]) >> (24 - Bits));
    }

    public int DocumentOf(string issuingState, string documentNumber) => Of(Document, Normalise(issuingState) + ":" + Normalise(documentNumber));

    public int EmailOf(string email) => Of(Email, email.Trim().ToUpperInvariant());

    public int NameBirthOf(string surname, string birthDate) => Of(NameBirth, Normalise(surname) + ":" + birthDate.Trim());

    /// <summary>
    /// The keyed hash of an identity key (96 bits, 24 hex digits), for uniqueness constraints: long enough that two
    /// people never share one (a collision is expected only around 2^48 identities), so it is not truncated like the indexes.
    /// </summary>
    public string IdentityOf(string identityKey)
    {
        ArgumentNullException.ThrowIfNull(identityKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(keys.IndexKey(Identity), Encoding.UTF8.GetBytes(identityKey)))[..24];
    }

    private static string Normalise(string value) =>
        string.Concat(value.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}
