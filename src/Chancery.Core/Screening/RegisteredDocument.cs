namespace Chancery.Core.Screening;

/// <summary>
/// An entry of the register of lost, stolen and invalidated travel documents: a number and its
/// issuing state. Chancery's own invalidations are written here too.
/// </summary>
public sealed class RegisteredDocument
{
    public long Id { get; private set; }

    /// <summary>Names the row in the associated data of its sealed fields: the database numbers <see cref="Id"/> only on insert.</summary>
    public Guid RowKey { get; private set; } = Guid.CreateVersion7();

    /// <summary>Capitals and digits only (<see cref="DocumentRegister.Normalise"/>); sealed.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Doc 9303 code of the issuing state.</summary>
    public required string IssuingState { get; init; }

    public required RegisteredDocumentStatus Status { get; init; }

    /// <summary>Where the entry comes from: <c>Chancery</c> for the post's own invalidations, or the name of the list imported.</summary>
    public required string Source { get; init; }

    /// <summary>As reported; sealed.</summary>
    public string? Reason { get; init; }

    /// <summary>State and number, as the unique index holds them: a keyed hash (PersonalData), also the register's look-up.</summary>
    public string IdentityKey => KeyOf(DocumentNumber, IssuingState);

    /// <summary>
    /// Prefixed, so that its keyed hash differs from a booking's or a ballot entry's for the same document (same key):
    /// a copy of the database cannot join the register to the appointments.
    /// </summary>
    public static string KeyOf(string normalisedNumber, string issuingState) => "register|" + issuingState + ":" + normalisedNumber;

    public required DateTime RecordedAt { get; init; }

    /// <summary>The case whose document was invalidated, for Chancery's own entries.</summary>
    public Guid? CaseId { get; init; }
}
