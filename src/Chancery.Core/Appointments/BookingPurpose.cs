namespace Chancery.Core.Appointments;

/// <summary>What a verified address and identity may then do.</summary>
public enum BookingPurpose
{
    /// <summary>Book a released slot.</summary>
    Book,

    /// <summary>Register interest in a ballot.</summary>
    Ballot,
}
