using System.Globalization;

namespace Chancery.Core.Audit;

/// <summary>
/// The outcome of <see cref="VerifyAuditLog"/>: how much was checked and, when something is wrong, the first
/// problem, the entry it names (<see cref="Seq"/>) or the checkpoint and the range of entries it covers.
/// </summary>
public sealed record AuditVerification(
    long Entries,
    int Checkpoints,
    AuditCheckpoint? LatestCheckpoint,
    string RootHash,
    AuditProblem Problem = AuditProblem.None,
    long? Seq = null,
    long? OtherSeq = null,
    AuditCheckpoint? Checkpoint = null,
    long? RangeFrom = null,
    long? RangeTo = null)
{
    public bool IsValid => Problem == AuditProblem.None;

    /// <summary>One line in English for the command line and the logs (entry numbers and hashes only, no personal data).</summary>
    public string Describe() => Problem switch
    {
        AuditProblem.None => LatestCheckpoint is null
            ? Invariant($"audit log verified: {Entries} entries, no checkpoint yet (nothing is signed)")
            : Invariant($"audit log verified: {Entries} entries, {Checkpoints} checkpoints; the latest covers entries 0-{LatestCheckpoint.TreeSize - 1}, signed {AuditCheckpoints.Iso(LatestCheckpoint.SignedAt)}{(Entries > LatestCheckpoint.TreeSize ? Invariant($"; entries {LatestCheckpoint.TreeSize}-{Entries - 1} are not signed yet") : string.Empty)}"),
        AuditProblem.Altered => Invariant($"entry {Seq} was altered: its content no longer matches its leaf hash"),
        AuditProblem.Removed => Seq == 0 && OtherSeq is not null
            ? Invariant($"entry 0 was removed: the log starts at entry {OtherSeq}")
            : Invariant($"entry {Seq} was removed: the log goes from entry {Seq - 1} to entry {OtherSeq}"),
        AuditProblem.Reordered => Invariant($"entry {Seq} was reordered: it holds the entry written at position {OtherSeq}"),
        AuditProblem.CheckpointMismatch => Invariant($"checkpoint {Checkpoint!.TreeSize} (signed {AuditCheckpoints.Iso(Checkpoint.SignedAt)}) does not match the log: an entry among entries {RangeFrom}-{RangeTo} was altered, removed or reordered"),
        AuditProblem.CheckpointSignature => Invariant($"checkpoint {Checkpoint!.TreeSize} (signed {AuditCheckpoints.Iso(Checkpoint.SignedAt)}, key {Checkpoint.KeyId}) has a signature that does not verify; it covers entries {RangeFrom}-{RangeTo}"),
        AuditProblem.CheckpointBeyondLog => Invariant($"checkpoint {Checkpoint!.TreeSize} (signed {AuditCheckpoints.Iso(Checkpoint.SignedAt)}) covers entries {RangeFrom}-{RangeTo}, which are no longer in the log: they were removed"),
        _ => Problem.ToString(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
