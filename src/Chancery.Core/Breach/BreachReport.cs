namespace Chancery.Core.Breach;

/// <summary>
/// What the audit log says a compromised source touched in a window: every person (<see cref="People"/>, by
/// subject), the number of audit entries (accesses) and of distinct records read or written, and the
/// source as resolved (<see cref="SourceLabel"/>: e.g. the account's display name and user name).
/// </summary>
public sealed record BreachReport(
    BreachRequest Request,
    string SourceLabel,
    DateTime GeneratedAt,
    IReadOnlyList<BreachSubject> People,
    long Entries,
    long Records)
{
    /// <summary>The authority must be notified within 72 hours of detection (GDPR art. 33(1)).</summary>
    public static readonly TimeSpan NotificationDuty = TimeSpan.FromHours(72);

    public DateTime AuthorityDeadline => Request.DetectedAt + NotificationDuty;

    public long Writes { get; init; }
}
