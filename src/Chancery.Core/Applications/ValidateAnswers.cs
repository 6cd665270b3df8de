using System.Globalization;
using System.Net.Mail;
using Chancery.Core.Common;
using Chancery.Core.Documents.Mrz;

namespace Chancery.Core.Applications;

/// <summary>
/// The one place the answers of an online application are checked, for the pages (step by step) and
/// for the API (all at once). Checking also normalises: codes in capitals, dates as <c>YYYY-MM-DD</c>,
/// choices as written in the form, text trimmed.
/// </summary>
public static class ValidateAnswers
{
    private static readonly HashSet<string> PastDates = new(StringComparer.Ordinal)
    {
        "birthDate", "childBirthDate", "documentIssueDate", "fingerprintsDate", "previousPassportIssueDate", "marriageDate",
    };

    private static readonly HashSet<string> FutureDates = new(StringComparer.Ordinal)
    {
        "arrivalDate", "departureDate", "documentExpiryDate", "residencePermitExpiry",
    };

    /// <summary>Checks the answers of one step, as the applicant leaves its page.</summary>
    public static IReadOnlyList<AnswerError> Step(FormDefinition form, FormStep step, ApplicationAnswers answers, ApplicationRules rules)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<AnswerError>();
        foreach (var field in step.Fields)
            CheckField(field, answers, rules, errors);
        var inStep = step.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        CheckTogether(form, answers, rules, errors, name => inStep.Contains(name));
        return errors;
    }

    /// <summary>
    /// Checks a whole application before it is submitted: every step that applies must be answered,
    /// and answers of steps that no longer apply (a parental authority for an adult) are dropped.
    /// Errors come in the order of the form.
    /// </summary>
    public static IReadOnlyList<AnswerError> All(FormDefinition form, ApplicationAnswers answers, ApplicationRules rules)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<AnswerError>();
        foreach (var name in answers.Values.Keys.ToList())
        {
            if (form.Field(name) is null)
                errors.Add(new(name, "unknown", $"'{name}' is not a question of the {form.Slug} form."));
        }

        // Applicability depends on earlier answers, which are normalised first (a date of birth typed 14/03/2012 makes a minor).
        foreach (var step in form.Steps)
        {
            if (!step.Applies(answers, rules.Today))
            {
                foreach (var field in step.Fields)
                    answers.Set(field.Name, null);
                continue;
            }
            foreach (var field in step.Fields)
                CheckField(field, answers, rules, errors);
        }

        CheckTogether(form, answers, rules, errors, _ => true);
        return errors;
    }

    private static void CheckField(FormField field, ApplicationAnswers answers, ApplicationRules rules, List<AnswerError> errors)
    {
        var raw = answers[field.Name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            answers.Set(field.Name, null);
            if (field.Required)
                errors.Add(new(field.Name, "required", $"Answer '{field.Name}'.") { Arguments = [] });
            return;
        }

        var value = field.Type == FieldType.LongText ? raw.Trim().ReplaceLineEndings("\n") : string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (value.Any(c => char.IsControl(c) && c != '\n'))
        {
            errors.Add(new(field.Name, "text.invalid", $"'{field.Name}' contains characters that cannot be kept."));
            return;
        }
        if (value.Length > field.MaxLength)
        {
            errors.Add(new(field.Name, "tooLong", $"'{field.Name}' is longer than {field.MaxLength} characters.") { Arguments = [field.MaxLength.ToString(CultureInfo.InvariantCulture)] });
            return;
        }

        var error = Normalise(field, ref value, rules);
        if (error is not null)
        {
            errors.Add(error);
            return;
        }
        answers.Set(field.Name, value);
    }

    private static AnswerError? Normalise(FormField field, ref string value, ApplicationRules rules)
    {
        var name = field.Name;
        switch (field.Type)
        {
            case FieldType.Date:
                if (!Dates.TryParseFull(value, out var date))
                    return new(name, "date.invalid", $"'{name}' is not a date: write it as YYYY-MM-DD, for example 1988-03-14.");
                if (PastDates.Contains(name) && date > rules.Today)
                    return new(name, "date.future", $"'{name}' is in the future.");
                if (FutureDates.Contains(name) && date < rules.Today)
                    return new(name, "date.past", $"'{name}' is in the past.");
                value = Dates.Format(date);
                return null;
            case FieldType.PartialDate:
                if (!PartialDate.TryParse(value, out var partial) && !(Dates.TryParseFull(value, out var full) && PartialDate.TryParse(Dates.Format(full), out partial)))
                    return new(name, "partialDate.invalid", $"'{name}' is not a date of birth: write YYYY, YYYY-MM or YYYY-MM-DD.");
                if (partial.Earliest > rules.Today)
                    return new(name, "date.future", $"'{name}' is in the future.");
                value = partial.ToString();
                return null;
            case FieldType.Country:
            case FieldType.Nationality:
                value = value.ToUpperInvariant();
                var country = value.Length == 3 ? Countries.Find(value) : null;
                var known = field.Type == FieldType.Country ? country is { IsPlace: true } : country is not null;
                return known ? null : new(name, "country.unknown", $"'{value}' is not a country code: use the ISO 3166-1 alpha-3 code, such as FRA.");
            case FieldType.SchengenState:
                value = value.ToUpperInvariant();
                return ApplicationForms.SchengenStates.Contains(value) ? null : new(name, "schengen.unknown", $"'{value}' is not a Schengen state.");
            case FieldType.Choice:
            case FieldType.YesNo:
                var given = value;
                var choice = field.Choices!.FirstOrDefault(c => string.Equals(c, given, StringComparison.OrdinalIgnoreCase));
                if (choice is null)
                    return new(name, "choice.invalid", $"'{name}' must be one of: {string.Join(", ", field.Choices!)}.");
                value = choice;
                return null;
            case FieldType.Email:
                return IsEmail(value)
                    ? null
                    : new(name, "email.invalid", $"'{value}' is not an e-mail address such as name@example.org.");
            case FieldType.Phone:
                var digits = value.Count(char.IsAsciiDigit);
                return digits is >= 6 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.') && value.IndexOf('+', 1) < 0
                    ? null
                    : new(name, "phone.invalid", $"'{name}' is not a telephone number: digits, with the country code, such as +44 20 7946 0000.");
            case FieldType.Post:
                value = value.ToUpperInvariant();
                return rules.PostCodes.Contains(value) ? null : new(name, "post.unknown", $"There is no post '{value}' taking applications.");
            case FieldType.Name:
                return MrzNames.ToMrz(value).Trim('<').Length > 0 && value.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark || c is ' ' or '-' or '\'' or '’' or '.')
                    ? null
                    : new(name, "name.invalid", $"'{name}' must be written in letters as in the travel document, in Latin letters.");
            case FieldType.DocumentNumber:
                value = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                return value.All(char.IsAsciiLetterOrDigit) ? null : new(name, "document.number", $"'{name}' has letters A-Z and digits only.");
            default:
                return null;
        }
    }

    // Rules across answers. In a step, a rule runs when it concerns a field of the step and the other answers are known.
    private static void CheckTogether(FormDefinition form, ApplicationAnswers answers, ApplicationRules rules, List<AnswerError> errors, Func<string, bool> here)
    {
        bool Known(string name, out DateOnly date) => Dates.TryParseFull(answers[name], out date) && !errors.Any(e => e.Field == name);
        void Add(string fieldA, string fieldB, string code, string message)
        {
            var field = here(fieldB) ? fieldB : here(fieldA) ? fieldA : null;
            if (field is not null)
                errors.Add(new(field, code, message));
        }

        var visa = form.Form is ApplicationForm.ShortStayVisa or ApplicationForm.LongStayVisa;
        if (Known("documentIssueDate", out var issued) && Known("documentExpiryDate", out var expires))
        {
            if (expires <= issued)
                Add("documentIssueDate", "documentExpiryDate", "document.expiryBeforeIssue", "The travel document expires before it was issued.");
            else if (visa && issued < rules.Today.AddYears(-10))
                Add("documentExpiryDate", "documentIssueDate", "document.tooOld", "The travel document must have been issued within the last ten years.");
        }

        if (Known("arrivalDate", out var arrival) && Known("departureDate", out var departure))
        {
            if (departure < arrival)
                Add("arrivalDate", "departureDate", "dates.departureBeforeArrival", "The date of departure is before the date of arrival.");
            else if (form.Form == ApplicationForm.ShortStayVisa && departure.DayNumber - arrival.DayNumber + 1 > 90)
                Add("arrivalDate", "departureDate", "dates.tooLong", "A short-stay visa is for at most 90 days: ask for a long-stay visa.");
            else if (form.Form == ApplicationForm.LongStayVisa && departure > arrival.AddYears(1))
                Add("arrivalDate", "departureDate", "dates.tooLongD", "A long-stay visa is for at most one year.");
        }

        // Visa Code art. 12: the travel document must be valid at least three months after the intended departure.
        if (visa && Known("departureDate", out var leaving) && Known("documentExpiryDate", out var validUntil) && validUntil < leaving.AddMonths(3))
            Add("departureDate", "documentExpiryDate", "document.expiresTooSoon", "The travel document must be valid for at least three months after the date of departure.");

        if (Known("childBirthDate", out var child))
        {
            foreach (var parent in new[] { "parent1BirthDate", "parent2BirthDate" })
            {
                if (PartialDate.TryParse(answers[parent], out var born) && !errors.Any(e => e.Field == parent) && born.Earliest > child)
                    Add("childBirthDate", parent, "parent.bornAfterChild", "A parent cannot be born after the child.");
            }
        }
    }

    /// <summary>One mailbox address such as name@example.org: the one rule for every form that asks for an address.</summary>
    public static bool IsEmail(string? value) =>
        value is not null && MailAddress.TryCreate(value, out var address) && address.Address == value
        && value.Contains('.', StringComparison.Ordinal) && address.Host.Length > 2;
}
