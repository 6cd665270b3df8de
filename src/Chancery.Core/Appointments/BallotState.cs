namespace Chancery.Core.Appointments;

public enum BallotState
{
    /// <summary>Announced with its commitment; registrations not yet open.</summary>
    Scheduled,

    Open,

    /// <summary>The draw was made and the seed published; winners are confirming.</summary>
    Drawn,
}
