namespace Chancery.Core.Appointments;

/// <summary>One person's registration in a ballot, bound to their identity like a booking.</summary>
public sealed class BallotEntry
{
    public int Id { get; private set; }

    public required int BallotId { get; init; }

    /// <summary>Random public registration id (hex), listed with the draw; the person finds theirs in the list.</summary>
    public required string RegistrationId { get; init; }

    public required string DocumentNumber { get; init; }

    public required string IssuingState { get; init; }

    public required string Surname { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>One registration per identity and ballot (unique index).</summary>
    public required string IdentityKey { get; init; }

    public required string Email { get; init; }

    public required string Language { get; init; }

    public Guid? ApplicationCaseId { get; init; }

    /// <summary>SHA-256 (hex) of the token in the e-mailed link used to confirm a win.</summary>
    public required string ManageTokenHash { get; init; }

    public required DateTime RegisteredAt { get; init; }

    public BallotEntryState State { get; set; } = BallotEntryState.Registered;

    /// <summary>Position in the draw, from 1.</summary>
    public int? Rank { get; set; }

    public long? OfferedSlotId { get; set; }

    public DateTime? ConfirmBy { get; set; }

    public Guid? BookingId { get; set; }

    public BoundIdentity Identity => new(DocumentNumber, IssuingState, Surname, BirthDate);
}
