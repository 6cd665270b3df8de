using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Audit;

/// <summary>
/// Checks the whole audit log: every entry against its leaf hash, positions from 0 without a gap, and every
/// checkpoint's root and signature against the tree recomputed over the entries it covers. Entries stream
/// in position order, a batch at a time, into a <see cref="CompactMerkleTree"/>: memory stays flat.
/// </summary>
public sealed class VerifyAuditLog(ChanceryDb db)
{
    public const int BatchSize = 5000;

    // How far from a mismatching entry to look for the position its content was written at.
    private const int ReorderWindow = 5000;

    /// <param name="keys">Public keys by which checkpoints may be signed (the current one and any retired ones).</param>
    public async Task<AuditVerification> ExecuteAsync(IReadOnlyList<AuditVerifyKey> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync(ct);
        var latest = checkpoints.Count == 0 ? null : checkpoints[^1];
        var tree = new CompactMerkleTree();
        var next = 0;
        long proven = 0; // entries 0 … proven − 1 are covered by a checkpoint that verified
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Seq >= tree.Size).OrderBy(e => e.Seq).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
                break;
            foreach (var entry in batch)
            {
                var seq = tree.Size;
                if (entry.Seq != seq)
                    return Found(AuditProblem.Removed, seq: seq, other: entry.Seq);
                var hash = AuditLog.LeafHashOf(entry);
                if (!string.Equals(hash, entry.LeafHash, StringComparison.Ordinal))
                {
                    var from = await WrittenAtAsync(entry, ct);
                    return from is null ? Found(AuditProblem.Altered, seq: seq) : Found(AuditProblem.Reordered, seq: seq, other: from);
                }

                tree.Append(Convert.FromHexString(hash));
                for (; next < checkpoints.Count && checkpoints[next].TreeSize <= tree.Size; next++)
                {
                    var checkpoint = checkpoints[next];
                    if (!keys.Any(k => k.Verifies(checkpoint)))
                        return Found(AuditProblem.CheckpointSignature, checkpoint: checkpoint, from: 0, to: checkpoint.TreeSize - 1);
                    if (checkpoint.TreeSize < tree.Size
                        || !string.Equals(Convert.ToHexStringLower(tree.Root()), checkpoint.RootHash, StringComparison.Ordinal))
                        return Found(AuditProblem.CheckpointMismatch, checkpoint: checkpoint, from: proven, to: checkpoint.TreeSize - 1);
                    proven = checkpoint.TreeSize;
                }
            }
        }

        if (next < checkpoints.Count)
            return Found(AuditProblem.CheckpointBeyondLog, checkpoint: checkpoints[next], from: tree.Size, to: checkpoints[next].TreeSize - 1);
        return new AuditVerification(tree.Size, checkpoints.Count, latest, Convert.ToHexStringLower(tree.Root()));

        AuditVerification Found(AuditProblem problem, long? seq = null, long? other = null, AuditCheckpoint? checkpoint = null, long? from = null, long? to = null) =>
            new(tree.Size, checkpoints.Count, latest, Convert.ToHexStringLower(tree.Root()), problem, seq, other, checkpoint, from, to);
    }

    /// <summary>
    /// Where the content at a mismatching position was written, if nearby: its content hashes, at that other
    /// position, to the leaf hash stored there (the contents were swapped) or to the one it carries (the
    /// rows were swapped, hashes and all).
    /// </summary>
    private async Task<long?> WrittenAtAsync(AuditEntry entry, CancellationToken ct)
    {
        var around = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Seq >= entry.Seq - ReorderWindow && e.Seq <= entry.Seq + ReorderWindow && e.Seq != entry.Seq)
            .OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.LeafHash })
            .ToListAsync(ct);
        foreach (var other in around)
        {
            var moved = AuditLog.LeafHashAt(entry, other.Seq);
            if (moved == other.LeafHash || moved == entry.LeafHash)
                return other.Seq;
        }

        return null;
    }
}
