namespace Chancery.Core.Appointments;

/// <summary>Where a booking stands. Stored by name.</summary>
public enum BookingState
{
    /// <summary>Holds its slot until the payment deadline; needs the provider's signed confirmation.</summary>
    AwaitingPayment,

    Confirmed,

    Cancelled,

    /// <summary>The fee was not paid in time; the slot went back to the pool.</summary>
    Lapsed,

    /// <summary>Seen at the door with the bound travel document.</summary>
    CheckedIn,

    /// <summary>Refused at the door: the document presented was not the bound one (probable resale).</summary>
    Refused,

    NoShow,
}
