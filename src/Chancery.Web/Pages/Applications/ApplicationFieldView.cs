using Chancery.Core.Applications;

namespace Chancery.Web.Pages.Applications;

// What _Field.cshtml draws: one answer of a form with its current (possibly invalid) value and messages.
// Question, when set, is the page's question: the field's label becomes the h1 (one-question pages).
// Posts are the (code, name) choices of a Post field; the page reads them from the database.
public sealed record ApplicationFieldView(FormField Field, string? Value, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string? Question { get; init; }

    public string? QuestionHint { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Posts { get; init; } = [];
}
