namespace Chancery.Core.Appointments;

/// <summary>One counted event from a client address; kept a few days for blocks and the staff dashboard.</summary>
public sealed class AbuseEvent
{
    public long Id { get; private set; }

    public required string Address { get; init; }

    public required AbuseKind Kind { get; init; }

    /// <summary><see cref="BoundIdentity.Key"/> for identity requests.</summary>
    public string? IdentityKey { get; init; }

    /// <summary>The domain of the e-mail given, for the dashboard's per-domain pattern.</summary>
    public string? EmailDomain { get; init; }

    public required DateTime At { get; init; }
}
