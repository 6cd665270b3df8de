using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Web.Localization;

namespace Chancery.Web.Pages.Shared;

// An answer of an online application as a person reads it: a choice by its text, a country by its name.
public static class AnswerText
{
    public static string Label(FormField field, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(texts);
        return texts[$"apply.field.{field.Name}"];
    }

    public static string Value(FormField field, string? value, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(texts);
        if (string.IsNullOrEmpty(value))
            return "—";
        switch (field.Type)
        {
            case FieldType.Choice:
            case FieldType.YesNo:
                var key = $"apply.choice.{field.Name}.{value}";
                return texts.Contains(key) ? texts[key] : value;
            case FieldType.Country:
            case FieldType.Nationality:
            case FieldType.SchengenState:
                return Countries.Find(value) is { } country
                    ? $"{(Texts.CurrentLanguage == Texts.English ? country.English : country.French)} ({value})"
                    : value;
            default:
                return value;
        }
    }
}
