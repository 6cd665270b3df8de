using System.Security.Cryptography;

namespace Chancery.Core.Cases;

/// <summary>
/// Case numbers are random, not sequential, so that nobody can walk through other people's
/// cases on the public status page by counting.
/// </summary>
public static class CaseReference
{
    // Crockford-like alphabet: no I, L, O, U to avoid misreading over the phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string postCode)
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{postCode}-{chars[..4]}-{chars[4..]}";
    }
}
