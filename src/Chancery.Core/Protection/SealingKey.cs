namespace Chancery.Core.Protection;

/// <summary>
/// A data key or a blind-index key, stored only wrapped (encrypted) by the master key, which never
/// enters the database. Data keys have versions; every sealed value names the version it is under.
/// </summary>
public sealed class SealingKey
{
    public int Id { get; private set; }

    /// <summary><c>data</c>, or <c>index:&lt;name&gt;</c> for a blind index.</summary>
    public required string Purpose { get; init; }

    public required int Version { get; init; }

    /// <summary>The key wrapped by the master key, base64.</summary>
    public required string WrappedKey { get; init; }

    /// <summary>Which master key wrapped it.</summary>
    public required string MasterKeyId { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>Set once no value remains under this key (after a rotation).</summary>
    public DateTime? RetiredAt { get; set; }
}
