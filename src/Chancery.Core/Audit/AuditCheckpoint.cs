namespace Chancery.Core.Audit;

/// <summary>A signed statement of the log's size and Merkle root at a moment.</summary>
public sealed class AuditCheckpoint
{
    /// <summary>Number of entries covered (entries 0 … TreeSize − 1).</summary>
    public required long TreeSize { get; init; }

    /// <summary>Merkle tree hash of the first <see cref="TreeSize"/> leaves, hex.</summary>
    public required string RootHash { get; init; }

    public required DateTime SignedAt { get; init; }

    /// <summary>Identifies the public key that verifies <see cref="Signature"/>.</summary>
    public required string KeyId { get; init; }

    /// <summary>Base64 signature over the checkpoint's canonical text.</summary>
    public required string Signature { get; init; }
}
