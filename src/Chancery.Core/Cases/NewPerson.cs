using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Cases;

public sealed class NewPerson
{
    [Required, StringLength(100)]
    public string Surname { get; set; } = "";

    [StringLength(100)]
    public string GivenNames { get; set; } = "";

    /// <summary><c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    [Required, StringLength(10)]
    public string BirthDate { get; set; } = "";

    [StringLength(100)]
    public string? PlaceOfBirth { get; set; }

    /// <summary><c>M</c>, <c>F</c> or <c>X</c>.</summary>
    [Required, RegularExpression("^[MFX]$", ErrorMessage = "The sex must be M, F or X.")]
    public string Sex { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-3, e.g. <c>FRA</c>.</summary>
    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "The nationality must be an ISO 3166-1 alpha-3 code such as FRA.")]
    public string Nationality { get; set; } = "";

    [EmailAddress, StringLength(254)]
    public string? Email { get; set; }

    [Phone, StringLength(32)]
    public string? Phone { get; set; }

    [StringLength(500)]
    public string? Address { get; set; }
}
