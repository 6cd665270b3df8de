using Chancery.Core.Data;

namespace Chancery.Core.Audit;

/// <summary>
/// Signs a checkpoint of the log as it stands: verifies every entry and every earlier checkpoint first
/// (a log already tampered with is not signed over), then signs the size and root it computed itself.
/// </summary>
public sealed class SignCheckpoint(ChanceryDb db, TimeProvider clock)
{
    /// <returns>The verification, and the checkpoint signed (null when the log is invalid or has not grown).</returns>
    public async Task<(AuditVerification Verification, AuditCheckpoint? Signed)> ExecuteAsync(AuditSigningKey key, IReadOnlyList<AuditVerifyKey> retiredKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(retiredKeys);
        using var current = key.VerifyKey();
        var verification = await new VerifyAuditLog(db).ExecuteAsync([current, .. retiredKeys], ct);
        if (!verification.IsValid || verification.Entries == 0 || verification.Entries <= (verification.LatestCheckpoint?.TreeSize ?? 0))
            return (verification, null);
        var signedAt = AuditLog.Truncate(clock.GetUtcNow().UtcDateTime);
        var checkpoint = new AuditCheckpoint
        {
            TreeSize = verification.Entries,
            RootHash = verification.RootHash,
            SignedAt = signedAt,
            KeyId = key.KeyId,
            Signature = key.Sign(AuditCheckpoints.Text(verification.Entries, verification.RootHash, signedAt)),
        };
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        db.Entry(checkpoint).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        return (verification, checkpoint);
    }
}
