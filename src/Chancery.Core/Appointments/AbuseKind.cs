namespace Chancery.Core.Appointments;

/// <summary>Things an address did that count towards an automatic block.</summary>
public enum AbuseKind
{
    ChallengeFailed,
    CodeFailed,

    /// <summary>A booking or ballot request made for an identity (many identities from one address is a tout's pattern).</summary>
    IdentityRequested,
}
