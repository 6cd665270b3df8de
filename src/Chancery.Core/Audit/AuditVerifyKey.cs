using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Audit;

/// <summary>
/// The public half of the checkpoint signing key: all that the web process and the auditors need.
/// It verifies checkpoints and cannot sign anything.
/// </summary>
public sealed class AuditVerifyKey : IDisposable
{
    private readonly ECDsa key;

    private AuditVerifyKey(ECDsa key)
    {
        this.key = key;
        KeyId = IdOf(key);
    }

    /// <summary>The first 16 bytes of SHA-256 over the SubjectPublicKeyInfo, hex: names the key in each checkpoint.</summary>
    public string KeyId { get; }

    /// <summary>Reads a PEM public key (or, for the demo, the PEM private key, of which only the public half is kept).</summary>
    public static AuditVerifyKey FromPem(string pem)
    {
        using var full = ECDsa.Create();
        full.ImportFromPem(pem);
        var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(full.ExportSubjectPublicKeyInfo(), out _);
        return new AuditVerifyKey(publicOnly);
    }

    /// <summary>Every PEM key in the file, in order; none when the file does not exist.</summary>
    public static IReadOnlyList<AuditVerifyKey> AllFromFile(string path)
    {
        if (!File.Exists(path))
            return [];
        var text = File.ReadAllText(path);
        var keys = new List<AuditVerifyKey>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            keys.Add(FromPem(rest[fields.Location].ToString()));
            rest = rest[fields.Location.End..];
        }

        return keys;
    }

    public string ToPem() => key.ExportSubjectPublicKeyInfoPem();

    public bool Verifies(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!string.Equals(checkpoint.KeyId, KeyId, StringComparison.Ordinal))
            return false;
        var signature = new byte[64];
        if (!Convert.TryFromBase64String(checkpoint.Signature, signature, out var written) || written != 64)
            return false;
        return key.VerifyData(Encoding.UTF8.GetBytes(AuditCheckpoints.Text(checkpoint)), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose() => key.Dispose();

    internal static string IdOf(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 16));
}
