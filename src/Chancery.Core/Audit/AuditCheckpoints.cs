using System.Globalization;

namespace Chancery.Core.Audit;

/// <summary>What a checkpoint's signature covers, in one place for the signer and the verifiers.</summary>
public static class AuditCheckpoints
{
    /// <summary>
    /// <c>chancery-audit-checkpoint\n&lt;size&gt;\n&lt;root hex&gt;\n&lt;signedAt ISO&gt;</c>: a fixed first
    /// line, so the signature cannot be taken for one over anything else Chancery signs.
    /// </summary>
    public static string Text(long treeSize, string rootHash, DateTime signedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"chancery-audit-checkpoint\n{treeSize}\n{rootHash}\n{Iso(signedAt)}");

    public static string Text(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return Text(checkpoint.TreeSize, checkpoint.RootHash, checkpoint.SignedAt);
    }

    /// <summary>Microseconds, UTC: what both databases keep of a time.</summary>
    public static string Iso(DateTime at) =>
        AuditLog.Truncate(at.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
