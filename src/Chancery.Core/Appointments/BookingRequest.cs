namespace Chancery.Core.Appointments;

/// <summary>
/// A person proving themselves before booking or entering a ballot: the proof-of-work was solved, the
/// identity given, a one-time code e-mailed. Once the code is typed (within 10 minutes, 5 attempts at most)
/// the request is verified and may book one slot (or enter one ballot) before it expires.
/// The link to it carries a random token; only its SHA-256 is kept, as for the code.
/// </summary>
public sealed class BookingRequest
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan VerifiedLifetime = TimeSpan.FromMinutes(30);

    public const int MaxCodeAttempts = 5;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required string TokenHash { get; init; }

    public required BookingPurpose Purpose { get; init; }

    public required int PostId { get; init; }

    public required int ServiceId { get; init; }

    /// <summary>The ballot entered, when <see cref="Purpose"/> is <see cref="BookingPurpose.Ballot"/>.</summary>
    public int? BallotId { get; init; }

    public required string DocumentNumber { get; init; }

    public required string IssuingState { get; init; }

    public required string Surname { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required string Email { get; init; }

    public required string Language { get; init; }

    public Guid? ApplicationCaseId { get; init; }

    public required string CodeHash { get; set; }

    public required DateTime CodeExpiresAt { get; set; }

    public int CodeAttempts { get; set; }

    public DateTime? VerifiedAt { get; set; }

    /// <summary>Set when the request has been used; a request books once.</summary>
    public DateTime? UsedAt { get; set; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime ExpiresAt { get; set; }

    public string? FromAddress { get; init; }

    public BoundIdentity Identity => new(DocumentNumber, IssuingState, Surname, BirthDate);
}
