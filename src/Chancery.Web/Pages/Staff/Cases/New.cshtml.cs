using System.ComponentModel.DataAnnotations;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Cases;

// A clerk enters a passport, visa or birth-report case on one page: the applicant's fieldset always,
// then the fieldset of the kind chosen. The other kinds' fieldsets are ignored, whatever they hold.
internal sealed class NewModel(CurrentActor current, EnterCase enter, ChanceryDb db, Texts texts, AuditTrail audit) : PageModel
{
    private const string Prefix = nameof(Input) + ".";

    [BindProperty]
    public NewCaseInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Posts { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Kinds { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Formats { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.CaseEntrants))
            return Forbid();
        await LoadChoicesAsync(actor, ct);
        if (Posts.Count == 1)
            Input.PostCode = Posts[0].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.CaseEntrants))
            return Forbid();

        IgnoreFieldsOfOtherKinds();
        if (!ModelState.IsValid)
            return await RedisplayAsync(actor, ct);

        var created = await enter.ExecuteAsync(ToNewCase(), actor, ct);
        if (!created.IsSuccess)
        {
            if (created.Error.Kind == ErrorKind.Forbidden)
                return Forbid();
            ModelState.AddModelError(FieldKey(created.Error.Field), Message(created.Error));
            return await RedisplayAsync(actor, ct);
        }

        await audit.CaseAsync("page:/staff/cases/new", AuditTrail.Write, created.Value.Id, AuditTrail.PersonFields, "case entered", ct);
        TempData[Notice.Success] = texts["staff.newcase.done", created.Value.Reference];
        return RedirectToPage("/Staff/Cases/Details", new { id = created.Value.Id });
    }

    private async Task<IActionResult> RedisplayAsync(Actor actor, CancellationToken ct)
    {
        await LoadChoicesAsync(actor, ct);
        return Page();
    }

    private void IgnoreFieldsOfOtherKinds()
    {
        var ignored = new List<string>();
        if (Input.Kind != CaseKind.Passport)
            ignored.Add(Prefix + nameof(NewCaseInput.PassportFormat));
        if (Input.Kind != CaseKind.Visa)
            ignored.Add(Prefix + nameof(NewCaseInput.Visa) + ".");
        if (Input.Kind != CaseKind.BirthReport)
            ignored.Add(Prefix + nameof(NewCaseInput.FirstParent) + ".");
        if (Input.Kind != CaseKind.BirthReport || Input.SecondParent.IsBlank)
            ignored.Add(Prefix + nameof(NewCaseInput.SecondParent) + ".");
        foreach (var key in ModelState.Keys.Where(k => ignored.Any(i => k.StartsWith(i, StringComparison.Ordinal))).ToList())
            ModelState.Remove(key);
    }

    // Only the kind's own parts are read: the others may hold anything, or nothing at all.
    private NewCase ToNewCase() => new()
    {
        PostCode = Input.PostCode,
        Kind = Input.Kind,
        Applicant = Input.Applicant.ToNewPerson(),
        PassportFormat = Input.Kind == CaseKind.Passport ? Input.PassportFormat : null,
        Visa = Input.Kind == CaseKind.Visa ? Input.Visa.ToNewVisa() : null,
        Parents = Input.Kind != CaseKind.BirthReport ? null
            : Input.SecondParent.IsBlank ? [Input.FirstParent.ToNewPerson()]
            : [Input.FirstParent.ToNewPerson(), Input.SecondParent.ToNewPerson()],
    };

    // EnterCase names fields as the API does (applicant.birthDate, visa.requestedUntil, parents[1].nationality);
    // the form's inputs are Input.Applicant.BirthDate, Input.Visa.RequestedUntil, Input.SecondParent.Nationality.
    public static string FieldKey(string? field)
    {
        if (string.IsNullOrEmpty(field))
            return string.Empty;
        var parts = field.Split('.').Select(part => part switch
        {
            "parents[0]" => nameof(NewCaseInput.FirstParent),
            "parents[1]" => nameof(NewCaseInput.SecondParent),
            "parents" => nameof(NewCaseInput.FirstParent),
            _ => char.ToUpperInvariant(part[0]) + part[1..],
        });
        return Prefix + string.Join('.', parts);
    }

    // The operation's messages are English sentences for the API; the page says the same in the person's language.
    private string Message(Error error)
    {
        var last = error.Field?.Split('.')[^1];
        var key = $"staff.newcase.error.{last}";
        return last is not null && texts.Contains(key) ? texts[key] : error.Message;
    }

    private async Task LoadChoicesAsync(Actor actor, CancellationToken ct)
    {
        var postIds = actor.PostIds.ToList();
        Posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Code)).ToListAsync(ct);
        Kinds = Enum.GetValues<CaseKind>().Select(k => new SelectListItem(texts[$"staff.kind.{k}"], k.ToString())).ToList();
        Formats = Enum.GetValues<PassportFormat>().Select(f => new SelectListItem(texts[$"staff.passportFormat.{f}"], f.ToString())).ToList();
        Categories = Enum.GetValues<VisaCategory>().Select(c => new SelectListItem(texts[$"staff.visaCategory.{c}"], c.ToString())).ToList();
        Entries = Enum.GetValues<VisaEntries>().Select(e => new SelectListItem(texts[$"staff.visaEntries.{e}"], e.ToString())).ToList();
    }

    public sealed class NewCaseInput
    {
        [Required, StringLength(8), Display(Name = "staff.newcase.post")]
        public string PostCode { get; set; } = "";

        [Required, Display(Name = "staff.newcase.kind")]
        public CaseKind? Kind { get; set; }

        public PersonInput Applicant { get; set; } = new();

        [Display(Name = "staff.newcase.passportFormat", Description = "staff.form.optional")]
        public PassportFormat? PassportFormat { get; set; }

        public VisaInput Visa { get; set; } = new();

        public PersonInput FirstParent { get; set; } = new();

        public PersonInput SecondParent { get; set; } = new();
    }

    public sealed class PersonInput
    {
        [Required, StringLength(100), Display(Name = "staff.person.surname")]
        public string Surname { get; set; } = "";

        [StringLength(100), Display(Name = "staff.person.givenNames", Description = "staff.form.optional")]
        public string? GivenNames { get; set; }

        // The shape only; EnterCase decides whether the date exists and is past.
        [Required, RegularExpression(@"^\d{4}(-\d{2}(-\d{2})?)?$", ErrorMessage = "staff.newcase.error.birthDate")]
        [Display(Name = "staff.person.birthDate", Description = "staff.person.birthDate.hint")]
        public string BirthDate { get; set; } = "";

        [StringLength(100), Display(Name = "staff.person.placeOfBirth", Description = "staff.form.optional")]
        public string? PlaceOfBirth { get; set; }

        [Required, RegularExpression("^[MFX]$"), Display(Name = "staff.person.sex")]
        public string Sex { get; set; } = "";

        [Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "staff.person.nationality.format"), Display(Name = "staff.person.nationality", Description = "staff.person.nationality.hint")]
        public string Nationality { get; set; } = "";

        [EmailAddress, StringLength(254), Display(Name = "staff.person.email", Description = "staff.form.optional")]
        public string? Email { get; set; }

        [Phone, StringLength(32), Display(Name = "staff.person.phone", Description = "staff.form.optional")]
        public string? Phone { get; set; }

        [StringLength(500), Display(Name = "staff.person.address", Description = "staff.form.optional")]
        public string? Address { get; set; }

        public bool IsBlank =>
            string.IsNullOrWhiteSpace(Surname) && string.IsNullOrWhiteSpace(GivenNames) && string.IsNullOrWhiteSpace(BirthDate)
            && string.IsNullOrWhiteSpace(PlaceOfBirth) && string.IsNullOrWhiteSpace(Sex) && string.IsNullOrWhiteSpace(Nationality)
            && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Address);

        public NewPerson ToNewPerson() => new()
        {
            Surname = Surname.Trim(),
            GivenNames = GivenNames?.Trim() ?? "",
            BirthDate = BirthDate.Trim(),
            PlaceOfBirth = Blank(PlaceOfBirth),
            Sex = Sex,
            Nationality = Nationality.ToUpperInvariant(),
            Email = Blank(Email),
            Phone = Blank(Phone),
            Address = Blank(Address),
        };
    }

    public sealed class VisaInput
    {
        [Required, Display(Name = "staff.visa.category")]
        public VisaCategory? Category { get; set; }

        [Required, StringLength(200), Display(Name = "staff.visa.purpose")]
        public string Purpose { get; set; } = "";

        [Required, Display(Name = "staff.visa.entries")]
        public VisaEntries? Entries { get; set; }

        [Required, Display(Name = "staff.visa.requestedFrom")]
        public DateOnly? RequestedFrom { get; set; }

        [Required, Display(Name = "staff.visa.requestedUntil")]
        public DateOnly? RequestedUntil { get; set; }

        [Required, RegularExpression("^[A-Za-z0-9]{1,20}$", ErrorMessage = "staff.visa.travelDocumentNumber.format"), Display(Name = "staff.visa.travelDocumentNumber")]
        public string TravelDocumentNumber { get; set; } = "";

        [Required, RegularExpression("^[A-Za-z]{1,3}$", ErrorMessage = "staff.visa.travelDocumentState.format"), Display(Name = "staff.visa.travelDocumentState", Description = "staff.person.nationality.hint")]
        public string TravelDocumentState { get; set; } = "";

        public NewVisa ToNewVisa() => new()
        {
            Category = Category,
            Purpose = Purpose.Trim(),
            Entries = Entries,
            RequestedFrom = RequestedFrom,
            RequestedUntil = RequestedUntil,
            TravelDocumentNumber = TravelDocumentNumber.Trim().ToUpperInvariant(),
            TravelDocumentState = TravelDocumentState.Trim().ToUpperInvariant(),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
