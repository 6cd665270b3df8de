namespace Chancery.Core.Breach;

/// <summary>
/// What to report on: the compromised account (user name), API key (client name) or component (exact, or a
/// prefix when it ends with <c>*</c>), the window of the audit log to read (both ends included, UTC) and when
/// the breach was detected, from which the 72-hour duty to notify the authority runs (GDPR art. 33).
/// </summary>
public sealed record BreachRequest(BreachSourceKind Kind, string Name, DateTime From, DateTime To, DateTime DetectedAt);
