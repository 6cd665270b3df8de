using System.Text;
using static Chancery.Core.Breach.BreachText;

namespace Chancery.Core.Breach;

/// <summary>
/// The draft notice to one person (GDPR art. 34): what happened, which of their data, what we did and what
/// they can do, in plain words. What only people know (how it happened, what was done, who to write to) is
/// left as marked placeholders; a notice must not be sent with one left in it.
/// </summary>
public static class BreachNotice
{
    public static string Compose(BreachReport report, BreachSubject subject, bool en)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(subject);
        var r = report.Request;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line(en ? "Subject: a breach of your personal data" : "Objet : violation de vos données personnelles");
        Line();
        Line(en ? $"To: {subject.Name ?? Placeholder("name of the person", en)}" : $"À : {subject.Name ?? Placeholder("nom de la personne", en)}");
        Line(en ? $"Send to: {subject.Contact ?? Placeholder("no e-mail or address on record: find another way to reach this person", en)}"
                : $"Envoyer à : {subject.Contact ?? Placeholder("aucune adresse connue : trouver un autre moyen de joindre cette personne", en)}");
        Line(en ? $"Notice reference: {subject.Key}" : $"Référence de cet avis : {subject.Key}");
        Line();
        Line(en ? "Dear Sir or Madam," : "Madame, Monsieur,");
        Line();
        Line(en
            ? "We are writing to tell you about a security incident that concerns your personal data, as Article 34 of the General Data Protection Regulation (GDPR) requires."
            : "Nous vous informons d’un incident de sécurité qui concerne vos données personnelles, comme le prévoit l’article 34 du règlement général sur la protection des données (RGPD).");
        Line();
        Line(en ? "What happened" : "Ce qui s’est passé");
        Line();
        var what = subject.Written
            ? en ? "read and changed" : "consulté et modifié"
            : en ? "read" : "consulté";
        Line(en
            ? $"Between {When(r.From, en)} and {When(r.To, en)}, {SourceForPeople(r.Kind, en)} {what} data about you held in our consular register. Our records show {Count(subject.Accesses, en)} access(es) to your data, the first on {When(subject.FirstAccess, en)} and the last on {When(subject.LastAccess, en)}. We detected the incident on {When(r.DetectedAt, en)}."
            : $"Entre le {When(r.From, en)} et le {When(r.To, en)}, {SourceForPeople(r.Kind, en)} a {what} des données vous concernant dans notre registre consulaire. Nos journaux montrent {Count(subject.Accesses, en)} accès à vos données, le premier le {When(subject.FirstAccess, en)} et le dernier le {When(subject.LastAccess, en)}. Nous avons constaté l’incident le {When(r.DetectedAt, en)}.");
        Line();
        Line(Placeholder(en ? "in plain words, how the incident happened, as far as it is known" : "en termes simples, comment l’incident s’est produit, dans la mesure où on le sait", en));
        Line();
        Line(en ? "Which of your data" : "Quelles données vous concernant");
        Line();
        foreach (var field in subject.Fields)
            Line("- " + Field(field, en));
        if (subject.Fields.Count == 0)
            Line("- " + Placeholder(en ? "the log names no field: say which data the record holds" : "le journal ne nomme aucune donnée : indiquer ce que contient l’enregistrement", en));
        Line();
        Line(en ? "What we have done" : "Ce que nous avons fait");
        Line();
        Line(Placeholder(en ? "the measures taken (account disabled, key revoked, investigation, complaint filed…)" : "les mesures prises (compte désactivé, clé révoquée, enquête, plainte déposée…)", en));
        Line();
        Line(en ? "What you can do" : "Ce que vous pouvez faire");
        Line();
        Line(en
            ? "- Be wary of messages (e-mail, text, telephone call) that claim to come from an embassy or consulate, or that mention your application. We will never ask you for a password, a code or a payment by e-mail or telephone. If in doubt, contact us through the addresses on our official website."
            : "- Méfiez-vous des messages (courriel, SMS, appel) qui se réclameraient d’une ambassade ou d’un consulat, ou qui évoqueraient votre demande. Nous ne vous demanderons jamais de mot de passe, de code ni de paiement par courriel ou par téléphone. En cas de doute, contactez-nous par les coordonnées de notre site officiel.");
        if (Any(subject.Fields, Document))
        {
            Line(en
                ? "- The number of your travel document may be known to others: watch for any use of it you did not make, and tell us or the issuing authority if you see one. If you believe it is misused, you can ask for the document to be replaced."
                : "- Le numéro de votre document de voyage a pu être connu d’autres personnes : soyez attentif à tout usage que vous n’auriez pas fait, et signalez-le-nous ou à l’autorité qui l’a délivré. Si vous pensez qu’il est détourné, vous pouvez en demander le remplacement.");
        }

        if (Any(subject.Fields, Identity))
        {
            Line(en
                ? "- Your identity details may be used to impersonate you: be careful with any request made in your name (bank, telecoms, administrations) and report an identity theft to the police."
                : "- Vos données d’identité pourraient servir à usurper votre identité : soyez vigilant face à toute démarche faite en votre nom (banque, opérateurs, administrations) et signalez une usurpation à la police.");
        }

        if (Any(subject.Fields, Whereabouts))
        {
            Line(en
                ? "- Your address or telephone number may be known to others. If this puts you at risk, tell us at once: we will help you with the steps to take."
                : "- Votre adresse ou votre numéro de téléphone ont pu être connus d’autres personnes. Si cela vous expose à un danger, dites-le-nous sans attendre : nous vous aiderons dans les démarches à faire.");
        }

        Line(en
            ? $"- You may exercise your rights over your data (access, rectification, erasure) and lodge a complaint with the data protection authority: {Placeholder("name and address of the authority", en)}."
            : $"- Vous pouvez exercer vos droits sur vos données (accès, rectification, effacement) et introduire une réclamation auprès de l’autorité de protection des données : {Placeholder("nom et adresse de l’autorité", en)}.");
        Line();
        Line(en ? "Who to contact" : "Pour toute question");
        Line();
        Line(Placeholder(en ? "the data protection officer's contact details" : "les coordonnées du délégué à la protection des données", en));
        Line();
        Line(en ? "We apologise for this incident." : "Nous vous prions de nous excuser pour cet incident.");
        Line();
        Line(Placeholder(en ? "name and title of the signatory" : "nom et qualité du signataire", en));
        return text.ToString();
    }
}
