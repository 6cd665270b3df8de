using System.Text;
using static Chancery.Core.Breach.BreachText;

namespace Chancery.Core.Breach;

/// <summary>
/// The draft notification to the data protection authority (GDPR art. 33(3)): the nature of the breach,
/// the categories and approximate numbers of people and records, the likely consequences and the measures
/// taken, with the detection time and the 72-hour deadline. The figures come from the audit log; what only
/// people know is left as marked placeholders.
/// </summary>
public static class AuthorityReport
{
    public static string Compose(BreachReport report, bool en)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report.Request;
        var people = report.People;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string N(long n) => Count(n, en);

        Line(en ? "# Personal data breach: notification to the supervisory authority (draft)" : "# Violation de données personnelles : notification à l’autorité de contrôle (projet)");
        Line();
        Line(en
            ? $"> DRAFT made by `chancery breach report` on {When(report.GeneratedAt, en)} from the audit log. Complete every {Placeholder("…", en)} and check every figure before sending."
            : $"> PROJET établi par `chancery breach report` le {When(report.GeneratedAt, en)} à partir du journal d’audit. Compléter chaque {Placeholder("…", en)} et vérifier chaque chiffre avant envoi.");
        Line();

        Line(en ? "## Deadline" : "## Délai");
        Line();
        Line(en ? $"- Breach detected: {When(r.DetectedAt, en)}" : $"- Violation constatée le : {When(r.DetectedAt, en)}");
        Line(en ? $"- To be notified by: {When(report.AuthorityDeadline, en)} (72 hours, GDPR art. 33(1))" : $"- À notifier au plus tard le : {When(report.AuthorityDeadline, en)} (72 heures, RGPD art. 33(1))");
        var left = report.AuthorityDeadline - report.GeneratedAt;
        if (left >= TimeSpan.Zero)
        {
            Line(en ? $"- Time left when this draft was made: {N((long)left.TotalHours)} h {left.Minutes:00} min" : $"- Temps restant à l’établissement de ce projet : {N((long)left.TotalHours)} h {left.Minutes:00} min");
        }
        else
        {
            Line(en ? $"- The deadline had passed by {N((long)(-left).TotalHours)} h when this draft was made: {Placeholder("the reasons for the delay (art. 33(1))", en)}"
                    : $"- Le délai était dépassé de {N((long)(-left).TotalHours)} h à l’établissement de ce projet : {Placeholder("les motifs du retard (art. 33(1))", en)}");
        }

        Line();
        Line(en ? "## Controller and contact point" : "## Responsable du traitement et point de contact");
        Line();
        Line(en ? $"- Controller: {Placeholder("the ministry, its address", en)}" : $"- Responsable du traitement : {Placeholder("le ministère, son adresse", en)}");
        Line(en ? $"- Data protection officer: {Placeholder("name, e-mail, telephone", en)}" : $"- Délégué à la protection des données : {Placeholder("nom, courriel, téléphone", en)}");
        Line();

        Line(en ? "## Nature of the breach" : "## Nature de la violation");
        Line();
        Line(en ? $"- Source: {report.SourceLabel}" : $"- Source : {SourceLabelFr(report.SourceLabel, r.Kind, en)}");
        Line(en ? $"- Period examined in the audit log: {When(r.From, en)} to {When(r.To, en)}" : $"- Période examinée dans le journal d’audit : du {When(r.From, en)} au {When(r.To, en)}");
        Line(report.Writes > 0
            ? en ? $"- Kind: breach of confidentiality (data read) and of integrity ({N(report.Writes)} changes)" : $"- Type : atteinte à la confidentialité (données consultées) et à l’intégrité ({N(report.Writes)} modifications)"
            : en ? "- Kind: breach of confidentiality (data read; no change recorded)" : "- Type : atteinte à la confidentialité (données consultées ; aucune modification enregistrée)");
        Line(en ? $"- How it was discovered and what is known of its cause: {Placeholder("account stolen, key leaked, flaw in a component…", en)}"
                : $"- Découverte et origine connue : {Placeholder("compte volé, clé divulguée, faille d’un composant…", en)}");
        Line(en ? "- The audit log records every read and every write of personal data by staff and API clients; its integrity can be checked with `chancery audit verify`."
                : "- Le journal d’audit enregistre chaque lecture et chaque écriture de données personnelles par les agents et les clients de l’API ; son intégrité se vérifie avec `chancery audit verify`.");
        Line();

        Line(en ? "## People concerned: categories and approximate numbers" : "## Personnes concernées : catégories et nombres approximatifs");
        Line();
        Line(en ? "| category | people |" : "| catégorie | personnes |");
        Line("|---|---:|");
        foreach (var group in people.GroupBy(p => p.SubjectType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            Line($"| {SubjectCategory(group.Key, en)} | {N(group.Count())} |");
        Line($"| **{(en ? "Total" : "Total")}** | **{N(people.Count)}** |");
        Line();
        Line(en
            ? $"One person may be counted under more than one category (for example an applicant who also holds an appointment): the total is an upper bound. Records read or written: {N(report.Records)}; accesses recorded: {N(report.Entries)}. People with no e-mail or address on record: {N(people.Count(p => p.Contact is null))}."
            : $"Une même personne peut figurer sous plusieurs catégories (par exemple un demandeur qui a aussi un rendez-vous) : le total est un maximum. Enregistrements consultés ou modifiés : {N(report.Records)} ; accès enregistrés : {N(report.Entries)}. Personnes sans adresse connue : {N(people.Count(p => p.Contact is null))}.");
        Line();

        Line(en ? "## Categories of personal data concerned" : "## Catégories de données personnelles concernées");
        Line();
        Line(en ? "| data | people |" : "| donnée | personnes |");
        Line("|---|---:|");
        var fields = people.SelectMany(p => p.Fields.Select(f => (Field: f, Person: p.Key)))
            .GroupBy(x => Field(x.Field, en), StringComparer.Ordinal)
            .Select(g => (Label: g.Key, People: g.Select(x => x.Person).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(x => x.People).ThenBy(x => x.Label, StringComparer.Ordinal);
        foreach (var (label, count) in fields)
            Line($"| {label} | {N(count)} |");
        Line();
        Line(en ? $"Special categories (art. 9) or data on criminal convictions (art. 10): {Placeholder("yes / no, which", en)}"
                : $"Catégories particulières (art. 9) ou données relatives aux condamnations (art. 10) : {Placeholder("oui / non, lesquelles", en)}");
        Line();

        Line(en ? "## Likely consequences" : "## Conséquences probables");
        Line();
        var all = people.SelectMany(p => p.Fields).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (Any(all, Identity))
            Line(en ? "- Identity theft or fraud using the people's identity details." : "- Usurpation d’identité ou fraude au moyen des données d’identité des personnes.");
        if (Any(all, Document))
            Line(en ? "- Fraudulent use of travel document numbers (forged documents, applications in another person's name)." : "- Usage frauduleux des numéros de documents de voyage (faux documents, demandes au nom d’autrui).");
        if (Any(all, Contact))
            Line(en ? "- Targeted phishing: messages posing as the consulate, using what is known of the person's application." : "- Hameçonnage ciblé : messages se faisant passer pour le consulat, s’appuyant sur ce qui est connu de la demande.");
        if (Any(all, Whereabouts))
            Line(en ? "- Physical risk for people whose whereabouts must stay secret (refugees, dissidents, victims of violence)." : "- Risque physique pour les personnes dont le lieu de résidence doit rester secret (réfugiés, opposants, victimes de violences).");
        if (report.Writes > 0)
            Line(en ? "- Wrong decisions or documents if changed data are not put right." : "- Décisions ou documents erronés si les données modifiées ne sont pas rétablies.");
        Line(en ? $"- Assessment of the risk to the people's rights and freedoms: {Placeholder("low / high, and why", en)}" : $"- Appréciation du risque pour les droits et libertés des personnes : {Placeholder("faible / élevé, et pourquoi", en)}");
        Line();

        Line(en ? "## Measures taken or proposed" : "## Mesures prises ou envisagées");
        Line();
        Line(en ? $"- The audit log was searched for the source and the window above; {N(people.Count)} individual notices were drafted in French and English."
                : $"- Le journal d’audit a été interrogé pour la source et la période ci-dessus ; {N(people.Count)} avis individuels ont été rédigés en français et en anglais.");
        Line(r.Kind switch
        {
            BreachSourceKind.Account => en ? $"- The staff account: {Placeholder("disabled on …; its sessions ended; its factors reset", en)}" : $"- Le compte de l’agent : {Placeholder("désactivé le … ; ses sessions closes ; ses facteurs réinitialisés", en)}",
            BreachSourceKind.ApiKey => en ? $"- The API key: {Placeholder("revoked on …; a new key issued to the partner", en)}" : $"- La clé d’API : {Placeholder("révoquée le … ; une nouvelle clé remise au partenaire", en)}",
            _ => en ? $"- The component: {Placeholder("isolated or fixed on …", en)}" : $"- Le composant : {Placeholder("isolé ou corrigé le …", en)}",
        });
        Line(en ? $"- Other measures (key rotation with `chancery keys rotate`, complaint, review of access rights): {Placeholder("…", en)}"
                : $"- Autres mesures (rotation des clés avec `chancery keys rotate`, plainte, revue des droits d’accès) : {Placeholder("…", en)}");
        Line();

        Line(en ? "## Communication to the people concerned" : "## Communication aux personnes concernées");
        Line();
        Line(en ? $"- Notices drafted: {N(people.Count)} (see `notices/` and `people.csv`)" : $"- Avis rédigés : {N(people.Count)} (voir `notices/` et `people.csv`)");
        Line(en ? $"- Sent on, and by what means: {Placeholder("date; e-mail, post", en)}" : $"- Envoyés le, et par quel moyen : {Placeholder("date ; courriel, courrier", en)}");
        return text.ToString();
    }

    // The label is built in English by the query; French readers get the same facts in French words.
    private static string SourceLabelFr(string label, BreachSourceKind kind, bool en) => en ? label : kind switch
    {
        BreachSourceKind.Account => label.Replace("staff account", "compte d’agent", StringComparison.Ordinal),
        BreachSourceKind.ApiKey => label.Replace("API key", "clé d’API", StringComparison.Ordinal),
        _ => label.Replace("components", "composants", StringComparison.Ordinal).Replace("component", "composant", StringComparison.Ordinal),
    };
}
