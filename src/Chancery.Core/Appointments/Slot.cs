namespace Chancery.Core.Appointments;

/// <summary>One counter at one time for one service. Generated from the opening hours; released, booked, given back.</summary>
public sealed class Slot
{
    public long Id { get; private set; }

    public required int ServiceId { get; init; }

    public required int PostId { get; init; }

    /// <summary>UTC start.</summary>
    public required DateTime StartsAt { get; init; }

    public required int Counter { get; init; }

    public SlotState State { get; set; } = SlotState.Pool;

    public DateTime? ReleasedAt { get; set; }

    /// <summary>The ballot this slot is set aside for, when the service is balloted.</summary>
    public int? BallotId { get; set; }
}
