namespace Chancery.Core.Appointments;

/// <summary>
/// An appointment: one slot for one bound identity. The identity (document number, issuing state,
/// surname, birth date) is set once at booking and has no setter: no page, API or operation can
/// change it, so an appointment cannot be transferred or resold under another name.
/// </summary>
public sealed class Booking
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Shown to the person, printed in the QR code, typed at the door: e.g. <c>RDV-7KQ2-M9XD</c>.</summary>
    public required string Reference { get; init; }

    public required int PostId { get; init; }

    public required int ServiceId { get; init; }

    public long SlotId { get; private set; }

    public DateTime StartsAt { get; private set; }

    public BookingState State { get; private set; }

    public required string DocumentNumber { get; init; }

    public required string IssuingState { get; init; }

    public required string Surname { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary><see cref="BoundIdentity.Key"/> while the booking is active, null otherwise: a unique index
    /// over (service, this) allows one active appointment per identity and service on both databases.</summary>
    public string? ActiveIdentityKey { get; private set; }

    /// <summary>The slot while the booking holds it, null otherwise: a unique index makes a slot booked once.</summary>
    public long? ActiveSlotId { get; private set; }

    public required string Email { get; init; }

    /// <summary><c>fr</c> or <c>en</c>: the language of the e-mails.</summary>
    public required string Language { get; init; }

    /// <summary>The submitted online application the booking was made for, when the post requires one.</summary>
    public Guid? ApplicationCaseId { get; init; }

    public int? BallotEntryId { get; init; }

    /// <summary>SHA-256 (hex) of the token in the e-mailed manage link.</summary>
    public required string ManageTokenHash { get; init; }

    public required DateTime CreatedAt { get; init; }

    public string? CreatedFromAddress { get; init; }

    public int ReschedulesUsed { get; private set; }

    public DateTime? PaymentDeadline { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public string? PaymentReference { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>Why the booking is suspicious (e.g. another document presented at the door), for the staff dashboard.</summary>
    public string? Flag { get; private set; }

    public DateTime? CheckedInAt { get; private set; }

    public string? CheckedInBy { get; private set; }

    public BoundIdentity Identity => new(DocumentNumber, IssuingState, Surname, BirthDate);

    /// <summary>A new booking bound to <paramref name="identity"/>, with a fresh reference and manage token (returned; only its hash is kept).</summary>
    public static (Booking Booking, string ManageToken) Bind(
        int postId, int serviceId, BoundIdentity identity, string email, string language, Guid? applicationCaseId, DateTime now,
        string? fromAddress = null, int? ballotEntryId = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var token = Applications.Secrets.NewToken();
        return (new Booking
        {
            Reference = BookingReferences.New(),
            PostId = postId,
            ServiceId = serviceId,
            DocumentNumber = identity.DocumentNumber,
            IssuingState = identity.IssuingState,
            Surname = identity.Surname,
            BirthDate = identity.BirthDate,
            Email = email,
            Language = language,
            ApplicationCaseId = applicationCaseId,
            BallotEntryId = ballotEntryId,
            ManageTokenHash = Applications.Secrets.Hash(token),
            CreatedAt = now,
            CreatedFromAddress = fromAddress,
        }, token);
    }

    public bool IsActive => State is BookingState.AwaitingPayment or BookingState.Confirmed;

    /// <summary>Takes the slot. A payment deadline leaves the booking awaiting the provider's confirmation.</summary>
    public void Hold(Slot slot, DateTime? paymentDeadline)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Hold(slot.Id, slot.StartsAt, paymentDeadline);
    }

    /// <summary>Takes the slot claimed by id (its start as the claim returned it).</summary>
    public void Hold(long slotId, DateTime startsAt, DateTime? paymentDeadline)
    {
        SlotId = slotId;
        StartsAt = startsAt;
        ActiveSlotId = slotId;
        ActiveIdentityKey = Identity.Key;
        PaymentDeadline = paymentDeadline;
        State = paymentDeadline is null ? BookingState.Confirmed : BookingState.AwaitingPayment;
    }

    /// <summary>Moves to another slot (a reschedule), keeping the bound identity.</summary>
    public void MoveTo(Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        SlotId = slot.Id;
        StartsAt = slot.StartsAt;
        ActiveSlotId = slot.Id;
        ReschedulesUsed++;
    }

    public void MarkPaid(string paymentReference, DateTime at)
    {
        PaymentReference = paymentReference;
        PaidAt = at;
        if (State == BookingState.AwaitingPayment)
            State = BookingState.Confirmed;
    }

    public void End(BookingState state, DateTime at)
    {
        if (state is BookingState.AwaitingPayment or BookingState.Confirmed)
            throw new ArgumentOutOfRangeException(nameof(state), state, "Not an ending state.");
        State = state;
        EndedAt = at;
        ActiveSlotId = null;
        ActiveIdentityKey = null;
    }

    public void CheckIn(string by, DateTime at)
    {
        CheckedInBy = by;
        CheckedInAt = at;
        End(BookingState.CheckedIn, at);
    }

    public void Refuse(string by, string flag, DateTime at)
    {
        CheckedInBy = by;
        Flag = flag;
        End(BookingState.Refused, at);
    }
}
