namespace Chancery.Core.Appointments;

/// <summary>What a person may do with a booking once made.</summary>
public enum ReschedulePolicy
{
    /// <summary>Cancel only: a new date means a new booking.</summary>
    CancelOnly,

    /// <summary>One free move to another released slot, then cancel only.</summary>
    OneFreeReschedule,
}
