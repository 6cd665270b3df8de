namespace Chancery.Core.Screening.Import;

/// <summary>
/// A passport number and the issuing country as the source wrote it (null when not given).
/// <see cref="SourceText"/> holds the source's whole text when the number had to be picked out of it
/// (the UN list writes "Russian foreign travel passport number 515458008").
/// </summary>
public sealed record ParsedPassport(string Number, string? Country)
{
    public string? SourceText { get; init; }
}
