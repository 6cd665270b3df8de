namespace Chancery.Core.Screening.Import;

/// <summary>A passport number and the issuing country as the source wrote it (null when not given).</summary>
public sealed record ParsedPassport(string Number, string? Country);
