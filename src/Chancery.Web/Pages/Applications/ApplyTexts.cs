using Chancery.Core.Applications;
using Chancery.Web.Localization;

namespace Chancery.Web.Pages.Applications;

// The applicant's words for what the checks found: apply.error.{code} with {0} the field's label and
// {1} the first argument (a maximum length...), or the English message when no text says it better.
internal static class ApplyTexts
{
    public static string Error(Texts texts, AnswerError error)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(error);
        var key = $"apply.error.{error.Code}";
        return texts.Contains(key)
            ? texts[key, Label(texts, error.Field), error.Arguments.Count > 0 ? error.Arguments[0] : ""]
            : error.Message;
    }

    public static string Label(Texts texts, string field)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var key = $"apply.field.{field}";
        return texts.Contains(key) ? texts[key] : field;
    }

    public static string Optional(Texts texts, string key) => texts.Contains(key) ? texts[key] : "";
}
