namespace Chancery.Core.Documents.Mrz;

/// <summary>
/// The check digits of a zone, each true when it matches. <see cref="OptionalData"/> is present on
/// TD3 only (the personal number digit) and <see cref="Composite"/> on TD1, TD2 and TD3; they are
/// null where the format has no such digit.
/// </summary>
public sealed record MrzChecks(
    bool DocumentNumber,
    bool BirthDate,
    bool ExpiryDate,
    bool? OptionalData,
    bool? Composite)
{
    /// <summary>True when every check digit the format has matches.</summary>
    public bool AllPassed => DocumentNumber && BirthDate && ExpiryDate && OptionalData != false && Composite != false;
}
