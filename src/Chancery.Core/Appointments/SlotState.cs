namespace Chancery.Core.Appointments;

/// <summary>Where a slot stands. Stored by name.</summary>
public enum SlotState
{
    /// <summary>Generated or given back, waiting for a random release batch.</summary>
    Pool,

    /// <summary>Published: anyone who has proved themselves may book it.</summary>
    Released,

    /// <summary>Held by an active booking.</summary>
    Booked,

    /// <summary>Set aside for a ballot; allocated by its draw.</summary>
    Ballot,

    /// <summary>No longer offered (closure decided after generation).</summary>
    Withdrawn,
}
