using System.Globalization;

namespace Chancery.TestCommon;

/// <summary>Complete, valid answers of each online form, relative to the test's day; tests change what they test.</summary>
public static class SampleApplications
{
    public static Dictionary<string, string> ShortStayVisa(string postCode, DateOnly today, string surname = "Eriksson") => new()
    {
        ["postCode"] = postCode,
        ["category"] = "C",
        ["surname"] = surname,
        ["givenNames"] = "Anna Maria",
        ["birthDate"] = "1974-08-12",
        ["placeOfBirth"] = "Uppsala",
        ["countryOfBirth"] = "SWE",
        ["nationality"] = "SWE",
        ["sex"] = "F",
        ["civilStatus"] = "married",
        ["documentType"] = "ordinary",
        ["documentNumber"] = "L898902C3",
        ["documentIssuingState"] = "SWE",
        ["documentIssueDate"] = Day(today.AddYears(-2)),
        ["documentExpiryDate"] = Day(today.AddYears(8)),
        ["documentIssuedBy"] = "Polisen",
        ["homeAddress"] = "Storgatan 1\n753 20 Uppsala",
        ["email"] = "anna.eriksson@example.org",
        ["phone"] = "+46 18 123 45 67",
        ["residesElsewhere"] = "no",
        ["occupation"] = "Engineer",
        ["purpose"] = "tourism",
        ["mainDestination"] = "FRA",
        ["firstEntry"] = "FRA",
        ["entries"] = "Single",
        ["arrivalDate"] = Day(today.AddDays(30)),
        ["departureDate"] = Day(today.AddDays(44)),
        ["fingerprintsBefore"] = "no",
        ["invitingName"] = "Hôtel du Louvre",
        ["invitingAddress"] = "Place André Malraux, 75001 Paris",
        ["costsCoveredBy"] = "applicant",
        ["meansOfSupport"] = "Cash, credit card",
    };

    public static Dictionary<string, string> LongStayVisa(string postCode, DateOnly today, string surname = "Okafor")
    {
        var a = ShortStayVisa(postCode, today, surname);
        a.Remove("category");
        a["givenNames"] = "Chidi";
        a["nationality"] = "NGA";
        a["countryOfBirth"] = "NGA";
        a["documentIssuingState"] = "NGA";
        a["purpose"] = "study";
        a["studyInstitution"] = "Université de Lyon";
        a["studyCourse"] = "Master of Chemistry";
        a["studyStart"] = Day(today.AddDays(60));
        a["entries"] = "Multiple";
        a["departureDate"] = Day(today.AddDays(300));
        return a;
    }

    public static Dictionary<string, string> Passport(string postCode, DateOnly today, string surname = "Lefèvre") => new()
    {
        ["postCode"] = postCode,
        ["surname"] = surname,
        ["givenNames"] = "Émilie Anne",
        ["birthDate"] = "1990-05-01",
        ["placeOfBirth"] = "Lyon",
        ["countryOfBirth"] = "FRA",
        ["sex"] = "F",
        ["consularRegistrationNumber"] = "LON-2019-004512",
        ["homeAddress"] = "10 Downing Street, London",
        ["email"] = "emilie.lefevre@example.org",
        ["phone"] = "+44 20 7946 0000",
        ["passportReason"] = "renewal",
        ["previousPassportNumber"] = "19AB12345",
        ["previousPassportIssueDate"] = Day(today.AddYears(-9)),
        ["passportFormat"] = "Booklet",
    };

    public static Dictionary<string, string> BirthReport(string postCode, DateOnly today, string surname = "Martin") => new()
    {
        ["postCode"] = postCode,
        ["childSurname"] = surname,
        ["childGivenNames"] = "Léa",
        ["childBirthDate"] = Day(today.AddDays(-20)),
        ["childPlaceOfBirth"] = "London",
        ["childCountryOfBirth"] = "GBR",
        ["childSex"] = "F",
        ["parent1Surname"] = surname,
        ["parent1GivenNames"] = "Paul",
        ["parent1Sex"] = "M",
        ["parent1BirthDate"] = "1985-02-03",
        ["parent1PlaceOfBirth"] = "Nantes",
        ["parent1Nationality"] = "FRA",
        ["secondParent"] = "no",
        ["parentsMarried"] = "no",
        ["homeAddress"] = "1 Baker Street, London",
        ["email"] = "paul.martin@example.org",
        ["phone"] = "+44 20 7946 0001",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
