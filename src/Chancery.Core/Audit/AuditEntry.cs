namespace Chancery.Core.Audit;

/// <summary>
/// One look at, or one change to, a person's data: who, what (record and fields), when, from where
/// and why. Entries are the leaves of a Merkle tree (RFC 6962) in <see cref="Seq"/> order; signed
/// <see cref="AuditCheckpoint"/>s make a later change, removal or reordering detectable.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the log, from 0, without gaps: the leaf index in the tree.</summary>
    public required long Seq { get; init; }

    public required DateTime At { get; init; }

    /// <summary><c>staff</c>, <c>api</c>, <c>applicant</c> or <c>system</c>.</summary>
    public required string ActorKind { get; init; }

    /// <summary>The staff user id, <c>api:&lt;client&gt;</c>, or the applicant's record.</summary>
    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>The part of Chancery that acted (page, API route, worker): what a breached module is named by.</summary>
    public required string Component { get; init; }

    /// <summary><c>read</c> or <c>write</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The record read or written: <c>case</c>, <c>booking</c>, <c>application</c>, <c>draft</c>, …</summary>
    public required string RecordType { get; init; }

    public required string RecordId { get; init; }

    /// <summary>Whose data: <c>person</c>, <c>booking</c>, <c>draft</c>, … with <see cref="SubjectId"/>.</summary>
    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    /// <summary>Field names, comma-separated.</summary>
    public required string Fields { get; init; }

    public int? PostId { get; init; }

    public string? Address { get; init; }

    public string? Reason { get; init; }

    /// <summary>SHA-256(0x00 ‖ canonical bytes of the entry), hex.</summary>
    public string LeafHash { get; internal set; } = "";
}
