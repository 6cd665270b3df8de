using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Options;

/// <summary>The <c>Chancery</c> configuration section, validated at start.</summary>
public sealed class ChanceryOptions
{
    public const string Section = "Chancery";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    [RegularExpression("^(sqlite|postgres)$")]
    public string Database { get; set; } = "sqlite";

    [Required]
    public ScreeningOptions Screening { get; set; } = new();
}
