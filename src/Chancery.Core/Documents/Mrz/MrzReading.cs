namespace Chancery.Core.Documents.Mrz;

/// <summary>
/// What a machine readable zone says. Codes, numbers and dates are as printed, without trailing
/// fillers (issuing state "D", dates YYMMDD with &lt; for an unknown part); in names and optional
/// data a filler between words reads as a space.
/// </summary>
/// <param name="Format">The layout the zone was read as.</param>
/// <param name="DocumentCode">"P", "ID", "V", … (fillers removed).</param>
/// <param name="IssuingState">Issuing state or organization code.</param>
/// <param name="Surname">Primary identifier.</param>
/// <param name="GivenNames">Secondary identifier, names separated by spaces.</param>
/// <param name="DocumentNumber">The document number, including the part continued in the optional data of a TD1 or TD2.</param>
/// <param name="Nationality">Nationality code.</param>
/// <param name="BirthDate">YYMMDD as printed.</param>
/// <param name="Sex">M, F, X or &lt; (unspecified).</param>
/// <param name="ExpiryDate">YYMMDD as printed; &lt;&lt;&lt;&lt;&lt;&lt; when the document has none.</param>
/// <param name="OptionalData">
/// The optional data: TD3 personal number, TD2 and MRV optional data; on a TD1 the optional data
/// of line 1 (after any document number continuation) when it is not empty, otherwise that of line 2.
/// </param>
/// <param name="OptionalData2">TD1 only: the optional data of line 2; null for other formats.</param>
/// <param name="Checks">Which check digits match.</param>
/// <param name="Problems">Why the zone is not valid, in words; empty when it is valid.</param>
public sealed record MrzReading(
    MrzFormat Format,
    string DocumentCode,
    string IssuingState,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    string BirthDate,
    string Sex,
    string ExpiryDate,
    string OptionalData,
    string? OptionalData2,
    MrzChecks Checks,
    IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Every check digit matches, the issuing state and nationality are codes Doc 9303 knows, and
    /// the dates, sex, document code and name are possible.
    /// </summary>
    public bool Valid => Checks.AllPassed && Problems.Count == 0;
}
