namespace Chancery.Core.Documents;

/// <summary>
/// A printed document: the print record the issuance gate guards. The database refuses the row
/// unless its case is approved and <see cref="ScreeningResultId"/> names a fresh passing screening.
/// </summary>
public sealed class IssuedDocument
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required Guid CaseId { get; init; }

    public required int StockId { get; init; }

    /// <summary>The stock's prefix and serial; sealed. The serial is not kept beside it in clear, though serials are
    /// handed out in order, so a stock's print records sorted by time still suggest their numbers: what sealing keeps
    /// from a copy of the database is the holder (the case's person), not which booklet a case used.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>The number again, as the unique index holds it: a keyed hash (PersonalData), so a number is issued once.</summary>
    public string NumberKey => DocumentNumber;

    public required StockKind Kind { get; init; }

    /// <summary>The screening the gate relied on.</summary>
    public required Guid ScreeningResultId { get; init; }

    public required DateTime PrintedAt { get; init; }

    public required string PrintedBy { get; init; }

    public required DateOnly IssuedOn { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    /// <summary>The machine readable zone, lines separated by a newline; none on a birth certificate.</summary>
    public string? Mrz { get; init; }

    public DocumentStatus Status { get; private set; } = DocumentStatus.Printed;

    public DateTime? VoidedAt { get; private set; }

    public string? VoidReason { get; private set; }

    /// <summary>When the print station confirmed it printed the job.</summary>
    public DateTime? PrintedByStationAt { get; private set; }

    public void Void(DateTime at, string reason)
    {
        Status = DocumentStatus.Voided;
        VoidedAt = at;
        VoidReason = reason;
    }

    public void ConfirmPrinted(DateTime at) => PrintedByStationAt ??= at;
}
