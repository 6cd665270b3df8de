using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Cases;

public sealed class NewVisa
{
    /// <summary>A (airport transit), C (short stay) or D (long stay).</summary>
    [Required]
    public VisaCategory? Category { get; set; }

    [Required, StringLength(200)]
    public string Purpose { get; set; } = "";

    /// <summary>Single, Double or Multiple.</summary>
    [Required]
    public VisaEntries? Entries { get; set; }

    [Required]
    public DateOnly? RequestedFrom { get; set; }

    [Required]
    public DateOnly? RequestedUntil { get; set; }

    [Required, RegularExpression("^[A-Z0-9]{1,20}$", ErrorMessage = "The travel document number has letters A-Z and digits only.")]
    public string TravelDocumentNumber { get; set; } = "";

    [Required, RegularExpression("^[A-Z]{1,3}$", ErrorMessage = "The issuing state is a code such as FRA.")]
    public string TravelDocumentState { get; set; } = "";
}
