using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Audit;

/// <summary>
/// The ECDSA P-256 private key that signs checkpoints, read from its own PEM file. It signs nothing but a
/// checkpoint <see cref="SignCheckpoint"/> computed itself from the entries, so whoever can ask for a
/// checkpoint cannot get a signature over data of their choosing. In production only the signer's
/// service account can read the file (docs/audit.md).
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    private readonly ECDsa key;

    private AuditSigningKey(ECDsa key)
    {
        this.key = key;
        KeyId = AuditVerifyKey.IdOf(key);
    }

    public string KeyId { get; }

    public static AuditSigningKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CryptographicException("The audit signing key must be an ECDSA P-256 key.");
        }

        return new AuditSigningKey(key);
    }

    /// <summary>
    /// Reads the key; creates it first if the file does not exist (owner-only permissions on Unix), and
    /// writes the public half to <paramref name="publicKeyFile"/> when that is given and missing.
    /// </summary>
    public static AuditSigningKey LoadOrCreate(string privateKeyFile, string? publicKeyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyFile);
        if (!File.Exists(privateKeyFile))
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            WriteNew(privateKeyFile, fresh.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var signing = FromPem(File.ReadAllText(privateKeyFile));
        if (publicKeyFile is not null && !File.Exists(publicKeyFile))
            WriteNew(publicKeyFile, signing.key.ExportSubjectPublicKeyInfoPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return signing;
    }

    public AuditVerifyKey VerifyKey() => AuditVerifyKey.FromPem(key.ExportSubjectPublicKeyInfoPem());

    public void Dispose() => key.Dispose();

    internal string Sign(string checkpointText) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(checkpointText), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    private static void WriteNew(string path, string pem, UnixFileMode mode)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Written aside, then moved in without overwriting: two processes starting together keep one key.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = mode;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(pem);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
