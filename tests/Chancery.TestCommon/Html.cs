using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Chancery.TestCommon;

/// <summary>Reading pages as a browser would: parse the HTML, find forms, and collect what a form would submit.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html));
    }

    /// <summary>The form matching <paramref name="selector"/>; fails the test with the page's forms listed when there is none.</summary>
    public static IHtmlFormElement Form(IDocument page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.QuerySelector(selector) is IHtmlFormElement form)
            return form;
        var forms = string.Join(", ", page.QuerySelectorAll("form").Select(f => $"<form id='{f.Id}' action='{f.GetAttribute("action")}'>"));
        throw new InvalidOperationException($"No form matches '{selector}' on the page titled '{page.Title}'. Forms: {forms}");
    }

    /// <summary>
    /// The name/value pairs a browser would send for <paramref name="form"/> before anyone types:
    /// hidden and text inputs with their values, checked boxes and radios, selected options, text areas.
    /// </summary>
    public static List<KeyValuePair<string, string>> DefaultValues(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
                continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                        values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected && !o.IsDisabled).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.FirstOrDefault(o => !o.IsDisabled) is { } first && select.Options.All(o => !o.IsSelected))
                        chosen.Add(first);
                    values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        return values;
    }

    /// <summary>The texts of the error messages shown next to fields and in the error summary.</summary>
    public static IReadOnlyList<string> ErrorMessages(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelectorAll(".fr-message--error, #error-summary li, .fr-alert--error p")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
    }

    /// <summary>The error message shown under the field whose input has this id (DSFR: id + "-messages").</summary>
    public static string? FieldError(IDocument page, string inputId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.GetElementById(inputId + "-messages")?.QuerySelector(".fr-message--error")?.TextContent.Trim();
    }
}
