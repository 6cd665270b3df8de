namespace Chancery.Core.Appointments;

/// <summary>What a person gives to book (or enter a ballot): the identity, or an application number that carries it, and an address.</summary>
/// <param name="BallotId">The ballot to enter; null to book a released slot.</param>
/// <param name="ApplicationNumber">The number of a submitted online application, where the service requires one.</param>
/// <param name="Language"><c>fr</c> or <c>en</c>: the language of the e-mails.</param>
public sealed record BookingCodeInput(
    int ServiceId,
    int? BallotId,
    string? ApplicationNumber,
    string? DocumentNumber,
    string? IssuingState,
    string? Surname,
    DateOnly? BirthDate,
    string Email,
    string Language);
