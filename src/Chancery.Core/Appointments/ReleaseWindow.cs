namespace Chancery.Core.Appointments;

/// <summary>A period of the day, in the post's local time, inside which progressive batches may be released.</summary>
public sealed record ReleaseWindow(TimeOnly Start, TimeOnly End);
