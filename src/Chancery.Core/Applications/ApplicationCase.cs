using Chancery.Core.Cases;

namespace Chancery.Core.Applications;

/// <summary>What of a valid application goes into the case register's own columns; the rest stays with the answers.</summary>
public static class ApplicationCase
{
    public static NewCase ToNewCase(FormDefinition form, ApplicationAnswers a, string issuingState)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(a);
        var input = new NewCase { PostCode = a["postCode"]! };
        switch (form.Form)
        {
            case ApplicationForm.ShortStayVisa:
            case ApplicationForm.LongStayVisa:
                input.Kind = CaseKind.Visa;
                input.Applicant = Person(a, "surname", "givenNames", "birthDate", "placeOfBirth", "sex", a["nationality"]!);
                input.Visa = new NewVisa
                {
                    Category = form.Form == ApplicationForm.LongStayVisa ? VisaCategory.D : Enum.Parse<VisaCategory>(a["category"]!),
                    Purpose = a["purpose"]!,
                    Entries = Enum.Parse<VisaEntries>(a["entries"]!),
                    RequestedFrom = DateOnly.Parse(a["arrivalDate"]!, System.Globalization.CultureInfo.InvariantCulture),
                    RequestedUntil = DateOnly.Parse(a["departureDate"]!, System.Globalization.CultureInfo.InvariantCulture),
                    TravelDocumentNumber = a["documentNumber"]!,
                    TravelDocumentState = a["documentIssuingState"]!,
                };
                break;
            case ApplicationForm.Passport:
                input.Kind = CaseKind.Passport;
                input.Applicant = Person(a, "surname", "givenNames", "birthDate", "placeOfBirth", "sex", issuingState);
                input.PassportFormat = Enum.Parse<PassportFormat>(a["passportFormat"]!);
                break;
            case ApplicationForm.BirthReport:
                input.Kind = CaseKind.BirthReport;
                input.Applicant = Person(a, "childSurname", "childGivenNames", "childBirthDate", "childPlaceOfBirth", "childSex", issuingState);
                input.Applicant.Email = null;
                input.Applicant.Phone = null;
                input.Parents = [Parent(a, "parent1")];
                if (a.Is("secondParent", ApplicationForms.Yes))
                    input.Parents.Add(Parent(a, "parent2"));
                break;
        }
        return input;
    }

    private static NewPerson Person(ApplicationAnswers a, string surname, string givenNames, string birthDate, string placeOfBirth, string sex, string nationality) => new()
    {
        Surname = a[surname]!,
        GivenNames = a[givenNames] ?? "",
        BirthDate = a[birthDate]!,
        PlaceOfBirth = a[placeOfBirth],
        Sex = a[sex]!,
        Nationality = nationality,
        Email = a["email"],
        Phone = a["phone"],
        Address = a["homeAddress"],
    };

    private static NewPerson Parent(ApplicationAnswers a, string prefix) => new()
    {
        Surname = a[prefix + "Surname"]!,
        GivenNames = a[prefix + "GivenNames"] ?? "",
        BirthDate = a[prefix + "BirthDate"]!,
        PlaceOfBirth = a[prefix + "PlaceOfBirth"],
        Sex = a[prefix + "Sex"]!,
        Nationality = a[prefix + "Nationality"]!,
    };
}
