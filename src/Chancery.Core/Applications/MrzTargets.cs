namespace Chancery.Core.Applications;

/// <summary>
/// Which answers of a step the two or three pasted MRZ lines fill: the travel document of a visa applicant,
/// the previous passport of a passport applicant, a parent's passport on a report of birth. A null name
/// means the zone's value has no place on that form.
/// </summary>
public sealed record MrzTargets(
    string? DocumentType,
    string? DocumentNumber,
    string? IssuingState,
    string? ExpiryDate,
    string Surname,
    string GivenNames,
    string? BirthDate,
    string? Sex,
    string? Nationality)
{
    /// <summary>True when the person's answers belong to an earlier step: the zone then fills them only where still empty.</summary>
    public bool PersonOnlyIfEmpty { get; init; }
}
