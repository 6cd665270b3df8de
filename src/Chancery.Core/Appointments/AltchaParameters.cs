namespace Chancery.Core.Appointments;

/// <summary>The signed part of an ALTCHA v2 challenge (protocol field names, camelCase in JSON).</summary>
public sealed record AltchaParameters(
    string Algorithm,
    string Nonce,
    string Salt,
    int Cost,
    int KeyLength,
    string KeyPrefix,
    string KeySignature,
    long ExpiresAt,
    string Action);
