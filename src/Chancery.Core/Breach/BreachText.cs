using System.Globalization;

namespace Chancery.Core.Breach;

/// <summary>Words shared by the notices and the authority's report, in French and English.</summary>
internal static class BreachText
{
    /// <summary>What only people can write: marked so that no draft leaves with one left in it.</summary>
    public static string Placeholder(string what, bool en) => en ? $"[[TO COMPLETE: {what}]]" : $"[[À COMPLÉTER : {what}]]";

    public static string When(DateTime utc, bool en) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString(en ? "d MMMM yyyy 'at' HH:mm 'UTC'" : "d MMMM yyyy 'à' HH'h'mm 'UTC'", Culture(en));

    public static CultureInfo Culture(bool en) => CultureInfo.GetCultureInfo(en ? "en-GB" : "fr-FR");

    public static string Count(long n, bool en) => n.ToString("N0", Culture(en));

    /// <summary>The source as the person is told of it: a kind, never a member of staff's name.</summary>
    public static string SourceForPeople(BreachSourceKind kind, bool en) => (kind, en) switch
    {
        (BreachSourceKind.Account, false) => "le compte d’un agent de nos services, dont nous pensons que l’accès a été détourné,",
        (BreachSourceKind.Account, true) => "the account of a member of our staff, which we believe was used by someone else,",
        (BreachSourceKind.ApiKey, false) => "la clé d’accès d’un système partenaire, que nous pensons compromise,",
        (BreachSourceKind.ApiKey, true) => "the access key of a partner system, which we believe was compromised,",
        (_, false) => "une partie de notre système informatique, que nous pensons compromise,",
        _ => "a part of our information system, which we believe was compromised,",
    };

    public static string SubjectCategory(string type, bool en) => (type, en) switch
    {
        ("person", false) => "Personnes inscrites au registre consulaire (demandeurs, enfants, parents)",
        ("person", true) => "People in the consular register (applicants, children, parents)",
        ("booking", false) => "Titulaires d’un rendez-vous",
        ("booking", true) => "Holders of an appointment",
        ("draft", false) => "Demandeurs en ligne (demandes en cours de saisie)",
        ("draft", true) => "Online applicants (applications being filled in)",
        ("application", false) => "Demandeurs en ligne (demandes déposées)",
        ("application", true) => "Online applicants (submitted applications)",
        _ => en ? $"Other records ({type})" : $"Autres enregistrements ({type})",
    };

    /// <summary>A field of the audit log as a person reads it; an unknown name is shown as it is.</summary>
    public static string Field(string field, bool en) => (field.ToUpperInvariant(), en) switch
    {
        ("SURNAME", false) => "nom de famille",
        ("SURNAME", true) => "surname",
        ("SURNAMEATBIRTH", false) => "nom de naissance",
        ("SURNAMEATBIRTH", true) => "surname at birth",
        ("GIVENNAMES", false) => "prénoms",
        ("GIVENNAMES", true) => "given names",
        ("BIRTHDATE", false) => "date de naissance",
        ("BIRTHDATE", true) => "date of birth",
        ("PLACEOFBIRTH", false) => "lieu de naissance",
        ("PLACEOFBIRTH", true) => "place of birth",
        ("SEX", false) => "sexe",
        ("SEX", true) => "sex",
        ("NATIONALITY", false) => "nationalité",
        ("NATIONALITY", true) => "nationality",
        ("EMAIL", false) => "adresse électronique",
        ("EMAIL", true) => "e-mail address",
        ("PHONE", false) => "numéro de téléphone",
        ("PHONE", true) => "telephone number",
        ("ADDRESS", false) => "adresse postale",
        ("ADDRESS", true) => "postal address",
        ("DOCUMENTNUMBER", false) => "numéro du document de voyage",
        ("DOCUMENTNUMBER", true) => "travel document number",
        ("ISSUINGSTATE", false) => "État de délivrance du document",
        ("ISSUINGSTATE", true) => "issuing state of the document",
        ("ANSWERS" or "ANSWERSJSON", false) => "réponses au formulaire de demande",
        ("ANSWERS" or "ANSWERSJSON", true) => "answers to the application form",
        ("UPLOADS" or "DOCUMENTS", false) => "pièces justificatives déposées",
        ("UPLOADS" or "DOCUMENTS", true) => "supporting documents uploaded",
        _ => field,
    };

    /// <summary>Which kinds of harm a set of fields makes likely, for the notices' advice and the authority's report.</summary>
    public static bool Any(IEnumerable<string> fields, params string[] names) =>
        fields.Any(f => names.Contains(f.ToUpperInvariant(), StringComparer.Ordinal));

    public static readonly string[] Identity = ["SURNAME", "SURNAMEATBIRTH", "GIVENNAMES", "BIRTHDATE", "PLACEOFBIRTH", "SEX", "NATIONALITY"];

    public static readonly string[] Document = ["DOCUMENTNUMBER", "ISSUINGSTATE", "ANSWERS", "ANSWERSJSON", "UPLOADS", "DOCUMENTS"];

    public static readonly string[] Contact = ["EMAIL", "PHONE", "ADDRESS", "ANSWERS", "ANSWERSJSON"];

    public static readonly string[] Whereabouts = ["ADDRESS", "PHONE", "ANSWERS", "ANSWERSJSON"];
}
