namespace Chancery.Core.Appointments;

/// <summary>
/// A proof-of-work challenge already redeemed. Inserted with an atomic insert-if-absent, so a payload
/// replayed to any instance of the app finds its row and is refused. Rows past their expiry are purged.
/// </summary>
public sealed class UsedChallenge
{
    /// <summary>The challenge's nonce (hex).</summary>
    public required string Id { get; init; }

    public required DateTime ExpiresAt { get; init; }
}
