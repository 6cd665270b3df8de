using Chancery.Core.Applications;
using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chancery.Web.Pages.Applications.Correction;

// The applicant corrects the answers staff named (/demande/correction/{token}, from the e-mailed link):
// those fields and no others, checked as at submission, and the whole application must still hold.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class IndexModel(CorrectApplication correct, Texts texts) : PageModel
{
    public CorrectApplication.Opened Opened { get; private set; } = null!;

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool Done { get; private set; }

    public IEnumerable<FormField> Fields => Opened.Request.FieldNames.Select(Opened.Form.Field).OfType<FormField>();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await correct.OpenAsync(token, ct) is not { } opened)
            return Gone();
        Opened = opened;
        var answers = opened.Application.Answers;
        foreach (var field in Fields)
            Values[field.Name] = answers[field.Name];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await correct.OpenAsync(token, ct) is not { } opened)
            return Gone();
        Opened = opened;
        foreach (var field in Fields)
            Values[field.Name] = Request.Form[field.Name].ToString();

        var applied = await correct.ApplyAsync(token, Values, ct);
        if (!applied.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, applied.Error.Kind == Core.Common.ErrorKind.Conflict ? texts["apply.correction.decided"] : texts["apply.correction.gone.text"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (applied.Value.Count > 0)
        {
            foreach (var error in applied.Value)
            {
                var message = ApplyTexts.Error(texts, error);
                ModelState.AddModelError(error.Field, message);
                if (!Errors.TryGetValue(error.Field, out var list))
                    Errors[error.Field] = list = [];
                list.Add(message);
            }
            return Page();
        }

        Done = true;
        return Page();
    }

    private PageResult Gone()
    {
        ViewData["Gone"] = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
