namespace Chancery.Core.Audit;

/// <summary>Settings under <c>Chancery:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Chancery:Audit";

    /// <summary>
    /// The PEM private key that signs checkpoints. Only the signer reads it: in production the
    /// <c>chancery audit checkpoint</c> process under its own account; the web process never should.
    /// Relative paths are from the content root. Created on first use.
    /// </summary>
    public string SigningKeyFile { get; set; } = "keys/audit-signing.pem";

    /// <summary>The PEM public key(s) that verify checkpoints (current first, then retired ones). Created with the signing key.</summary>
    public string VerifyKeyFile { get; set; } = "keys/audit-verify.pem";

    /// <summary>Demo only: the web process signs checkpoints itself, which puts the private key within its reach.</summary>
    public bool SignInProcess { get; set; }

    /// <summary>How often checkpoints are signed.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(5);

    public string SigningKeyPath(string contentRoot) => Path.GetFullPath(SigningKeyFile, contentRoot);

    public string VerifyKeyPath(string contentRoot) => Path.GetFullPath(VerifyKeyFile, contentRoot);
}
