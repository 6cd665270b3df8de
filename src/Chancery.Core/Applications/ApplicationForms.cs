using Chancery.Core.Applications.Uploads;

namespace Chancery.Core.Applications;

/// <summary>
/// The four online forms, step by step. The visa questions follow the harmonised Schengen application
/// form (Annex I of the EU Visa Code); field names are those of the API's <c>answers</c> object.
/// </summary>
public static class ApplicationForms
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The 29 states of the Schengen area, by alpha-3 code.</summary>
    public static readonly IReadOnlySet<string> SchengenStates = new HashSet<string>(StringComparer.Ordinal)
    {
        "AUT", "BEL", "BGR", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA", "LVA",
        "LIE", "LTU", "LUX", "MLT", "NLD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "CHE",
    };

    private static readonly string[] YesNo = [Yes, No];

    public static FormDefinition ShortStayVisa { get; } = new(ApplicationForm.ShortStayVisa, "short-stay-visa",
        [
            PostStep(),
            new("visa-type", [new("category", FieldType.Choice, Choices: ["C", "A"])]),
            .. Identity(),
            .. Schengen(shortStay: true),
        ],
        [new(UploadSlot.Photo, true), new(UploadSlot.TravelDocumentPage, true), new(UploadSlot.Invitation, false), new(UploadSlot.ProofOfMeans, false)]);

    public static FormDefinition LongStayVisa { get; } = new(ApplicationForm.LongStayVisa, "long-stay-visa",
        [
            PostStep(),
            .. Identity(),
            .. Schengen(shortStay: false),
        ],
        [new(UploadSlot.Photo, true), new(UploadSlot.TravelDocumentPage, true), new(UploadSlot.Invitation, false), new(UploadSlot.ProofOfMeans, false)]);

    public static FormDefinition Passport { get; } = new(ApplicationForm.Passport, "passport",
        [
            PostStep(),
            new("name", [Name("surname"), Name("surnameAtBirth", required: false), Name("givenNames", required: false)]),
            new("birth", [new("birthDate", FieldType.Date) { Autocomplete = "bday" }, new("placeOfBirth", FieldType.Text), new("countryOfBirth", FieldType.Country)]),
            new("sex", [new("sex", FieldType.Choice, Choices: ["F", "M", "X"])]),
            ParentalAuthority(),
            new("registration", [new("consularRegistrationNumber", FieldType.Text, MaxLength: 32)]),
            Contact(),
            new("passport-reason", [new("passportReason", FieldType.Choice, Choices: ["first", "renewal", "full", "lost", "stolen", "change"])]),
            new("previous-passport", [new("previousPassportNumber", FieldType.DocumentNumber, MaxLength: 20), new("previousPassportIssueDate", FieldType.Date)])
            {
                AppliesWhen = (a, _) => a["passportReason"] is not null and not "first",
                Mrz = new(null, "previousPassportNumber", null, null, "surname", "givenNames", "birthDate", "sex", null) { PersonOnlyIfEmpty = true },
            },
            new("format", [new("passportFormat", FieldType.Choice, Choices: ["Booklet", "Card"])]),
            Documents(),
        ],
        [new(UploadSlot.Photo, true), new(UploadSlot.TravelDocumentPage, false)]);

    public static FormDefinition BirthReport { get; } = new(ApplicationForm.BirthReport, "birth-report",
        [
            PostStep(),
            new("child-name", [Name("childSurname"), Name("childGivenNames", required: false)]),
            new("child-birth", [new("childBirthDate", FieldType.Date), new("childPlaceOfBirth", FieldType.Text), new("childCountryOfBirth", FieldType.Country)]),
            new("child-sex", [new("childSex", FieldType.Choice, Choices: ["F", "M", "X"])]),
            new("first-parent", ParentFields("parent1")) { Mrz = ParentMrz("parent1") },
            new("second-parent-known", [new("secondParent", FieldType.YesNo, Choices: YesNo)]),
            new("second-parent", ParentFields("parent2")) { AppliesWhen = (a, _) => a.Is("secondParent", Yes), Mrz = ParentMrz("parent2") },
            new("marriage-known", [new("parentsMarried", FieldType.YesNo, Choices: YesNo)]),
            new("marriage", [new("marriageDate", FieldType.Date), new("marriagePlace", FieldType.Text)]) { AppliesWhen = (a, _) => a.Is("parentsMarried", Yes) },
            Contact(),
            Documents(),
        ],
        [new(UploadSlot.Other, true), new(UploadSlot.TravelDocumentPage, true)]);

    public static IReadOnlyList<FormDefinition> All { get; } = [ShortStayVisa, LongStayVisa, Passport, BirthReport];

    public static FormDefinition Get(ApplicationForm form) => All.Single(f => f.Form == form);

    public static FormDefinition? FindBySlug(string? slug) => All.FirstOrDefault(f => string.Equals(f.Slug, slug, StringComparison.Ordinal));

    /// <summary>Under 18 on <paramref name="today"/>, by the date of birth given; unknown counts as adult.</summary>
    public static bool IsMinor(string? birthDate, DateOnly today) =>
        Dates.TryParseFull(birthDate, out var born) && born.AddYears(18) > today;

    private static FormStep PostStep() => new("post", [new("postCode", FieldType.Post, MaxLength: 8)]);

    private static FormField Name(string name, bool required = true) =>
        new(name, FieldType.Name, required) { Autocomplete = name switch { "surname" => "family-name", "givenNames" => "given-name", _ => null } };

    private static FormStep Contact() => new("contact",
        [
            new("homeAddress", FieldType.LongText, MaxLength: 500) { Autocomplete = "street-address" },
            new("email", FieldType.Email, MaxLength: 254) { Autocomplete = "email" },
            new("phone", FieldType.Phone, MaxLength: 32) { Autocomplete = "tel" },
        ]);

    private static FormStep ParentalAuthority() => new("parental-authority",
        [
            new("guardianName", FieldType.Text, MaxLength: 200),
            new("guardianAddress", FieldType.LongText, MaxLength: 500),
            new("guardianNationality", FieldType.Nationality),
        ])
    {
        AppliesWhen = (a, today) => IsMinor(a["birthDate"], today),
    };

    private static FormStep Documents() => new("documents", []) { IsUploads = true };

    // A parent's passport or identity card fills the parent's names, date of birth, sex and nationality.
    private static MrzTargets ParentMrz(string prefix) =>
        new(null, null, null, null, prefix + "Surname", prefix + "GivenNames", prefix + "BirthDate", prefix + "Sex", prefix + "Nationality");

    private static FormField[] ParentFields(string prefix) =>
    [
        Name(prefix + "Surname"),
        Name(prefix + "GivenNames", required: false),
        new(prefix + "Sex", FieldType.Choice, Choices: ["F", "M", "X"]),
        new(prefix + "BirthDate", FieldType.PartialDate, MaxLength: 10),
        new(prefix + "PlaceOfBirth", FieldType.Text),
        new(prefix + "Nationality", FieldType.Nationality),
    ];

    private static FormStep[] Identity() =>
    [
        new("name", [Name("surname"), Name("surnameAtBirth", required: false), Name("givenNames", required: false)]),
        new("birth", [new("birthDate", FieldType.Date) { Autocomplete = "bday" }, new("placeOfBirth", FieldType.Text), new("countryOfBirth", FieldType.Country)]),
        new("nationality", [new("nationality", FieldType.Nationality), new("nationalityAtBirth", FieldType.Nationality, Required: false), new("otherNationalities", FieldType.Text, Required: false, MaxLength: 200)]),
        new("sex", [new("sex", FieldType.Choice, Choices: ["F", "M", "X"])]),
        new("civil-status", [new("civilStatus", FieldType.Choice, Choices: ["single", "married", "partnership", "separated", "divorced", "widowed", "other"])]),
        ParentalAuthority(),
        new("national-id", [new("nationalIdNumber", FieldType.Text, Required: false, MaxLength: 32)]),
        new("travel-document",
            [
                new("documentType", FieldType.Choice, Choices: ["ordinary", "diplomatic", "service", "official", "special", "other"]),
                new("documentNumber", FieldType.DocumentNumber, MaxLength: 20),
                new("documentIssuingState", FieldType.Nationality),
                new("documentIssueDate", FieldType.Date),
                new("documentExpiryDate", FieldType.Date),
                new("documentIssuedBy", FieldType.Text, MaxLength: 200),
            ])
        {
            Mrz = new("documentType", "documentNumber", "documentIssuingState", "documentExpiryDate", "surname", "givenNames", "birthDate", "sex", "nationality")
            {
                PersonOnlyIfEmpty = true,
            },
        },
        Contact(),
    ];

    private static FormStep[] Schengen(bool shortStay) =>
    [
        new("residence", [new("residesElsewhere", FieldType.YesNo, Choices: YesNo)]),
        new("residence-permit", [new("residencePermitNumber", FieldType.Text, MaxLength: 32), new("residencePermitExpiry", FieldType.Date)])
        {
            AppliesWhen = (a, _) => a.Is("residesElsewhere", Yes),
        },
        new("occupation", [new("occupation", FieldType.Text, MaxLength: 200), new("employer", FieldType.LongText, Required: false, MaxLength: 500)]),
        shortStay
            ? new("purpose", [new("purpose", FieldType.Choice, Choices: ["tourism", "business", "family", "cultural", "sports", "official", "medical", "study", "transit", "other"]), new("purposeDetails", FieldType.LongText, Required: false, MaxLength: 500)])
            : new("purpose", [new("purpose", FieldType.Choice, Choices: ["study", "work", "family", "other"]), new("purposeDetails", FieldType.LongText, Required: false, MaxLength: 500)]),
        .. shortStay ? Array.Empty<FormStep>() :
        [
            new("study", [new("studyInstitution", FieldType.Text, MaxLength: 200), new("studyCourse", FieldType.Text, MaxLength: 200), new("studyStart", FieldType.Date)])
            {
                AppliesWhen = (a, _) => a.Is("purpose", "study"),
            },
            new("work", [new("workEmployer", FieldType.Text, MaxLength: 200), new("workContract", FieldType.Choice, Choices: ["permanent", "fixed-term", "seasonal", "posted"]), new("workPermitNumber", FieldType.Text, Required: false, MaxLength: 32)])
            {
                AppliesWhen = (a, _) => a.Is("purpose", "work"),
            },
            new("family", [new("familyMemberName", FieldType.Text, MaxLength: 200), new("familyRelationship", FieldType.Choice, Choices: ["spouse", "partner", "child", "parent", "other"]), new("familyMemberStatus", FieldType.Choice, Choices: ["citizen", "resident"])])
            {
                AppliesWhen = (a, _) => a.Is("purpose", "family"),
            },
        ],
        new("destination", [new("mainDestination", FieldType.SchengenState), new("firstEntry", FieldType.SchengenState)]),
        new("entries", [new("entries", FieldType.Choice, Choices: ["Single", "Double", "Multiple"])]),
        new("dates", [new("arrivalDate", FieldType.Date), new("departureDate", FieldType.Date)]),
        new("fingerprints", [new("fingerprintsBefore", FieldType.YesNo, Choices: YesNo)]),
        new("previous-visa", [new("fingerprintsDate", FieldType.Date, Required: false), new("previousVisaNumber", FieldType.Text, Required: false, MaxLength: 32)])
        {
            AppliesWhen = (a, _) => a.Is("fingerprintsBefore", Yes),
        },
        new("inviting", [new("invitingName", FieldType.Text, MaxLength: 200), new("invitingAddress", FieldType.LongText, MaxLength: 500), new("invitingContact", FieldType.Text, Required: false, MaxLength: 200)]),
        new("funding", [new("costsCoveredBy", FieldType.Choice, Choices: ["applicant", "sponsor", "both"]), new("meansOfSupport", FieldType.LongText, MaxLength: 500)]),
        Documents(),
    ];
}
