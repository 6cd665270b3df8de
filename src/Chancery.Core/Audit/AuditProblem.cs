namespace Chancery.Core.Audit;

/// <summary>What <see cref="VerifyAuditLog"/> found wrong first.</summary>
public enum AuditProblem
{
    None,

    /// <summary>The entry's content no longer hashes to its leaf hash.</summary>
    Altered,

    /// <summary>An entry is missing: positions jump, or the log starts after 0.</summary>
    Removed,

    /// <summary>The entry's content belongs at another position.</summary>
    Reordered,

    /// <summary>A checkpoint's root differs from the root recomputed over the entries it covers.</summary>
    CheckpointMismatch,

    /// <summary>A checkpoint's signature does not verify, or names a key that is not known.</summary>
    CheckpointSignature,

    /// <summary>A checkpoint covers more entries than the log holds: entries at the end were removed.</summary>
    CheckpointBeyondLog,
}
