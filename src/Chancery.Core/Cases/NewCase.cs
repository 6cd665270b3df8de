using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Cases;

/// <summary>What a clerk or a partner system gives to enter a case. Shapes are checked with DataAnnotations; rules in <see cref="EnterCase"/>.</summary>
public sealed class NewCase
{
    /// <summary>Code of the post that handles the case, e.g. <c>LON</c>.</summary>
    [Required, StringLength(8, MinimumLength = 2)]
    public string PostCode { get; set; } = "";

    /// <summary>Passport, Visa or BirthReport.</summary>
    [Required]
    public CaseKind? Kind { get; set; }

    /// <summary>The applicant; for a report of birth, the child.</summary>
    [Required]
    public NewPerson? Applicant { get; set; }

    /// <summary>Passport only: Booklet (default) or Card.</summary>
    public PassportFormat? PassportFormat { get; set; }

    /// <summary>Visa only.</summary>
    public NewVisa? Visa { get; set; }

    /// <summary>Report of birth only: one or two parents.</summary>
    [MaxLength(2)]
    public List<NewPerson>? Parents { get; set; }
}
