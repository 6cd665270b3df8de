namespace Chancery.Core.Applications;

/// <summary>The travel document fields of an application, as read from the document's machine readable zone.</summary>
/// <param name="DocumentType">The document code as printed: "P", "PO", "ID", "I", "AC"…</param>
/// <param name="DocumentNumber">The document number, without fillers.</param>
/// <param name="IssuingState">The alpha-3 or Doc 9303 code; Germany's "D" is given as "DEU".</param>
/// <param name="Surname">In MRZ letters (upper case, transliterated), words separated by spaces.</param>
/// <param name="GivenNames">In MRZ letters, separated by spaces; empty when the document has none.</param>
/// <param name="Nationality">The alpha-3 or Doc 9303 code; "D" is given as "DEU".</param>
/// <param name="BirthDate">yyyy-MM-dd; null when the zone gives only part of it or no real date.</param>
/// <param name="Sex">"M", "F" or "X" (the zone's &lt; for unspecified is "X"); empty when the zone has another character.</param>
/// <param name="ExpiryDate">yyyy-MM-dd; null when the document has none or the zone gives no real date.</param>
/// <param name="Warnings">What the applicant should check, e.g. a check digit that does not match.</param>
public sealed record TravelDocumentFields(
    string DocumentType,
    string DocumentNumber,
    string IssuingState,
    string Surname,
    string GivenNames,
    string Nationality,
    string? BirthDate,
    string Sex,
    string? ExpiryDate,
    IReadOnlyList<MrzWarning> Warnings);
