using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Options;

/// <summary>The <c>Chancery</c> configuration section, validated at start.</summary>
public sealed class ChanceryOptions
{
    public const string Section = "Chancery";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    [RegularExpression("^(sqlite|postgres)$")]
    public string Database { get; set; } = "sqlite";

    /// <summary>The Doc 9303 code of the state whose documents Chancery prints.</summary>
    [Required, RegularExpression("^[A-Z]{1,3}$")]
    public string IssuingState { get; set; } = "FRA";

    /// <summary>
    /// The public address of the applicant-facing site, for links in e-mails sent by background jobs
    /// (ballot offers); pages use the address they were reached at.
    /// </summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";

    [Required]
    public ScreeningOptions Screening { get; set; } = new();
}
