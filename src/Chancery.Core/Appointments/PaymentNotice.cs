namespace Chancery.Core.Appointments;

/// <summary>A payment provider's webhook already processed, by the provider's event id: a replay finds it and is refused.</summary>
public sealed class PaymentNotice
{
    public required string EventId { get; init; }

    public required string BookingReference { get; init; }

    public required DateTime ReceivedAt { get; init; }
}
