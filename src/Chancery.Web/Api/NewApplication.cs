using System.ComponentModel.DataAnnotations;

namespace Chancery.Web.Api;

/// <summary>An online application sent by a partner system (e.g. a collection centre), with the same questions as the public form.</summary>
internal sealed class NewApplication
{
    /// <summary><c>short-stay-visa</c>, <c>long-stay-visa</c>, <c>passport</c> or <c>birth-report</c>.</summary>
    [Required, StringLength(32)]
    public string Form { get; set; } = "";

    /// <summary><c>fr</c> (default) or <c>en</c>: the language of the e-mails to the applicant.</summary>
    [RegularExpression("^(fr|en)$", ErrorMessage = "The language is fr or en.")]
    public string? Language { get; set; }

    /// <summary>The answers by field name, as listed by <c>GET /api/v1/applications/forms</c>; dates as YYYY-MM-DD, countries as ISO 3166-1 alpha-3.</summary>
    [Required]
    public Dictionary<string, string>? Answers { get; set; }
}
