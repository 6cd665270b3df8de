namespace Chancery.Core.Appointments;

/// <summary>A client address refused by the appointment pages until a time, with the reason; staff may lift it.</summary>
public sealed class AddressBlock
{
    public int Id { get; private set; }

    public required string Address { get; init; }

    public required string Reason { get; init; }

    public required DateTime BlockedAt { get; init; }

    public required DateTime Until { get; init; }

    public DateTime? LiftedAt { get; set; }

    public string? LiftedBy { get; set; }

    public bool IsInForce(DateTime now) => LiftedAt is null && Until > now;
}
