namespace Chancery.Core.Appointments;

public enum BallotEntryState
{
    Registered,

    /// <summary>Drawn and offered a slot; must confirm before the deadline.</summary>
    Offered,

    /// <summary>Confirmed: a booking holds the slot.</summary>
    Confirmed,

    /// <summary>Did not confirm in time; the slot went to the next drawn.</summary>
    Lapsed,

    /// <summary>Drawn after every slot was taken: waits in rank order for a lapse.</summary>
    Waiting,
}
