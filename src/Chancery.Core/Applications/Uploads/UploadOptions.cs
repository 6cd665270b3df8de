using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Applications.Uploads;

/// <summary>The <c>Chancery:Uploads</c> configuration section, validated at start.</summary>
public sealed class UploadOptions
{
    public const string Section = "Chancery:Uploads";

    /// <summary>
    /// Where applicants' files are kept: never under the web root. The web host fills in a default
    /// beside the SQLite database, because Core does not know where that is.
    /// </summary>
    [Required]
    public string Directory { get; set; } = "";
}
