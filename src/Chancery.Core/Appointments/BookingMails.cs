using Chancery.Core.Mail;

namespace Chancery.Core.Appointments;

/// <summary>
/// The e-mails of the appointment journey, in French or English. They are composed here, not by the pages,
/// because jobs send some of them too. Links only lead to pages: nothing changes until a form there is posted.
/// </summary>
public static class BookingMails
{
    public static OutgoingMail Code(string to, string code, string language) => language == "en"
        ? new OutgoingMail(to, $"Your appointment code: {code}",
            $"Your one-time code is {code}.\n\nType it on the appointment page within 10 minutes. It works once; after 5 wrong attempts it is void.\n\nIf you did not ask for an appointment, ignore this message.\n\nBooking an appointment is free. No one may charge you for it.")
        : new OutgoingMail(to, $"Votre code de rendez-vous : {code}",
            $"Votre code à usage unique est {code}.\n\nSaisissez-le sur la page de rendez-vous dans les 10 minutes. Il ne sert qu’une fois ; après 5 essais erronés, il n’est plus valable.\n\nSi vous n’avez pas demandé de rendez-vous, ignorez ce message.\n\nLa prise de rendez-vous est gratuite. Personne ne peut vous la faire payer.");

    /// <summary>The confirmation, with the QR code of the reference attached.</summary>
    public static OutgoingMail Confirmation(Booking booking, string postName, string timeZone, string serviceName, string manageLink)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var en = booking.Language == "en";
        var when = BallotMails.When(booking.StartsAt, timeZone, en);
        var payment = booking.PaymentDeadline is { } deadline
            ? en
                ? $"\nThis post requires the fee to be paid in advance: pay it before {deadline:yyyy-MM-dd HH:mm} UTC from the link below, or the appointment lapses.\n"
                : $"\nCe poste exige le paiement préalable des droits : réglez-les avant le {deadline:dd/MM/yyyy HH:mm} UTC depuis le lien ci-dessous, faute de quoi le rendez-vous est annulé.\n"
            : "";
        var text = en
            ? $"Your appointment is booked.\n\nReference: {booking.Reference}\nService: {serviceName}\nPost: {postName}\nWhen: {when} (local time)\n{payment}\nBring the travel document whose number you gave ({Masked(booking.DocumentNumber)}): the appointment is bound to it and cannot be transferred. At the door, show this reference or the attached QR code.\n\nSee, move or cancel your appointment: {manageLink}\n\nBooking is free. No one may charge you for it."
            : $"Votre rendez-vous est réservé.\n\nRéférence : {booking.Reference}\nService : {serviceName}\nPoste : {postName}\nDate : {when} (heure locale)\n{payment}\nApportez le document de voyage dont vous avez donné le numéro ({Masked(booking.DocumentNumber)}) : le rendez-vous lui est attaché et ne peut pas être cédé. À l’entrée, présentez cette référence ou le code QR joint.\n\nConsulter, déplacer ou annuler votre rendez-vous : {manageLink}\n\nLa prise de rendez-vous est gratuite. Personne ne peut vous la faire payer.";
        var subject = en ? $"Appointment {booking.Reference} confirmed" : $"Rendez-vous {booking.Reference} confirmé";
        return new OutgoingMail(booking.Email, subject, text, null,
            [new MailAttachment($"{booking.Reference}.png", "image/png", BookingReferences.QrPng(booking.Reference))]);
    }

    public static OutgoingMail Cancelled(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Language == "en"
            ? new OutgoingMail(booking.Email, $"Appointment {booking.Reference} cancelled",
                $"Your appointment {booking.Reference} is cancelled. Its slot goes back to the pool of slots released later.\n\nIf you did not cancel it, reply to the post at once.")
            : new OutgoingMail(booking.Email, $"Rendez-vous {booking.Reference} annulé",
                $"Votre rendez-vous {booking.Reference} est annulé. Son créneau retourne dans la réserve des créneaux publiés plus tard.\n\nSi vous ne l’avez pas annulé, écrivez au poste sans attendre.");
    }

    /// <summary>The document number with all but its last three characters hidden, for e-mails and staff lists.</summary>
    public static string Masked(string documentNumber) =>
        documentNumber is null || documentNumber.Length <= 3 ? "***" : new string('•', documentNumber.Length - 3) + documentNumber[^3..];
}
