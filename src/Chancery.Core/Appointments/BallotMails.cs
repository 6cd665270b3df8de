using System.Globalization;
using Chancery.Core.Mail;

namespace Chancery.Core.Appointments;

/// <summary>
/// The e-mails of a ballot, in French or English. Composed here, like <see cref="BookingMails"/>, because the draw
/// and the lapse jobs send them. Links only lead to pages: confirming is a form posted there.
/// </summary>
public static class BallotMails
{
    /// <summary>What the mails say about the ballot: where, for what, and when (UTC instants).</summary>
    public sealed record About(string PostName, string TimeZone, ServiceKind Service, DateTime ClosesAt, string Commitment);

    public static OutgoingMail Registered(BallotEntry entry, About about, string followLink, string ballotLink)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(about);
        var en = entry.Language == "en";
        var draw = When(about.ClosesAt, about.TimeZone, en);
        var service = ServiceName(about.Service, en);
        return en
            ? new OutgoingMail(entry.Email, "Your ballot registration",
                $"You are registered for the ballot of appointments ({service}, {about.PostName}).\n\nYour registration id: {entry.RegistrationId}\nRegistrations close and the draw is made: {draw} (local time)\nCommitment of the draw (SHA-256 of its secret seed): {about.Commitment}\n\nAfter the draw the seed and every registration id are published with the order drawn, so that anyone can check the draw: {ballotLink}\n\nIf you are drawn, you will receive an e-mail with a link to confirm your slot before a deadline. Follow your registration: {followLink}\n\nThe registration is bound to your travel document ({BookingMails.Masked(entry.DocumentNumber)}) and cannot be transferred. It is free: no one may charge you for it.")
            : new OutgoingMail(entry.Email, "Votre inscription au tirage au sort",
                $"Vous êtes inscrit au tirage au sort des rendez-vous ({service}, {about.PostName}).\n\nVotre numéro d’inscription : {entry.RegistrationId}\nClôture des inscriptions et tirage : {draw} (heure locale)\nEngagement du tirage (SHA-256 de sa graine secrète) : {about.Commitment}\n\nAprès le tirage, la graine et tous les numéros d’inscription sont publiés avec l’ordre tiré, afin que chacun puisse vérifier le tirage : {ballotLink}\n\nSi vous êtes tiré au sort, vous recevrez un courriel avec un lien pour confirmer votre créneau avant une date limite. Suivre votre inscription : {followLink}\n\nL’inscription est attachée à votre document de voyage ({BookingMails.Masked(entry.DocumentNumber)}) et ne peut pas être cédée. Elle est gratuite : personne ne peut vous la faire payer.");
    }

    public static OutgoingMail Offered(BallotEntry entry, About about, Slot slot, bool prepaid, string confirmLink)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(about);
        ArgumentNullException.ThrowIfNull(slot);
        var en = entry.Language == "en";
        var when = When(slot.StartsAt, about.TimeZone, en);
        var by = When(entry.ConfirmBy ?? slot.StartsAt, about.TimeZone, en);
        var service = ServiceName(about.Service, en);
        var payment = prepaid
            ? en ? "\nThis post requires the fee to be paid in advance once you have confirmed: the appointment holds only once it is paid.\n" : "\nCe poste exige le paiement préalable des droits après votre confirmation : le rendez-vous n’est acquis qu’une fois payé.\n"
            : "";
        return en
            ? new OutgoingMail(entry.Email, "You have been drawn: confirm your appointment",
                $"Your registration {entry.RegistrationId} (rank {entry.Rank}) has been drawn in the ballot of appointments ({service}, {about.PostName}).\n\nSlot offered: {when} (local time)\nConfirm it before: {by} (local time)\n{payment}\nConfirm on this page: {confirmLink}\n\nIf you do not confirm in time, the slot goes to the next person drawn. The appointment will be bound to your travel document ({BookingMails.Masked(entry.DocumentNumber)}) and cannot be transferred. It is free: no one may charge you for it.")
            : new OutgoingMail(entry.Email, "Vous êtes tiré au sort : confirmez votre rendez-vous",
                $"Votre inscription {entry.RegistrationId} (rang {entry.Rank}) a été tirée au sort pour les rendez-vous ({service}, {about.PostName}).\n\nCréneau proposé : {when} (heure locale)\nÀ confirmer avant le : {by} (heure locale)\n{payment}\nConfirmez sur cette page : {confirmLink}\n\nSans confirmation dans ce délai, le créneau revient à la personne suivante dans l’ordre du tirage. Le rendez-vous sera attaché à votre document de voyage ({BookingMails.Masked(entry.DocumentNumber)}) et ne pourra pas être cédé. Il est gratuit : personne ne peut vous le faire payer.");
    }

    public static string ServiceName(ServiceKind kind, bool english) => (kind, english) switch
    {
        (ServiceKind.Passport, false) => "passeport",
        (ServiceKind.Passport, true) => "passport",
        (ServiceKind.ShortStayVisa, false) => "visa de court séjour",
        (ServiceKind.ShortStayVisa, true) => "short-stay visa",
        (ServiceKind.LongStayVisa, false) => "visa de long séjour",
        (ServiceKind.LongStayVisa, true) => "long-stay visa",
        (ServiceKind.BirthReport, false) => "transcription de naissance",
        _ => "report of birth",
    };

    /// <summary>A UTC instant as the post's local time, written as people read dates in each language.</summary>
    public static string When(DateTime utc, string timeZone, bool english)
    {
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        return Local(utc, timeZone).ToString(english ? "dddd d MMMM yyyy 'at' HH:mm" : "dddd d MMMM yyyy 'à' HH'h'mm", culture);
    }

    /// <summary>The post's local time of a UTC instant; UTC itself when the zone is unknown to this machine.</summary>
    public static DateTime Local(DateTime utc, string timeZone)
    {
        try
        {
            return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        }
        catch (TimeZoneNotFoundException)
        {
            return utc;
        }
    }
}
