namespace Chancery.Core.Appointments;

/// <summary>What the payment provider posts when a fee is paid (JSON, signed).</summary>
/// <param name="EventId">The provider's unique id of this notice: the same id twice is a replay.</param>
/// <param name="BookingReference">The booking the payment was made for (the provider got it from the payment link).</param>
/// <param name="AmountMinor">Amount paid in minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Status">Only <c>succeeded</c> confirms a booking.</param>
/// <param name="PaymentReference">The provider's reference of the payment, kept with the booking.</param>
public sealed record PaymentNoticeBody(string EventId, string BookingReference, long AmountMinor, string Currency, string Status, string PaymentReference);
