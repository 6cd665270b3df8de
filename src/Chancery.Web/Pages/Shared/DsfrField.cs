using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Chancery.Web.Pages.Shared;

// What <dsfr-input> and <dsfr-select> share: the DSFR group around a control, its label and hint,
// and the control's ModelState errors in the group's messages (aria-describedby points at them).
internal static class DsfrField
{
    public static string Label(ModelExpression field, string? label) =>
        label ?? field.Metadata.DisplayName ?? field.Metadata.PropertyName ?? field.Name;

    public static IReadOnlyList<string> Errors(ViewContext viewContext, ModelExpression field, Texts texts)
    {
        var fullName = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
        return viewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0
            ? [.. entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? texts["validation.invalid"] : e.ErrorMessage)]
            : [];
    }

    // kind is "input" or "select": fr-input-group / fr-select-group.
    public static void Wrap(TagHelperOutput output, string kind, TagHelperOutput control, string label, string? hint, IReadOnlyList<string> errors)
    {
        var id = control.Attributes["id"]?.Value?.ToString() ?? "";
        var messagesId = id + "-messages";
        control.Attributes.SetAttribute("aria-describedby", messagesId);
        if (errors.Count > 0)
            control.Attributes.SetAttribute("aria-invalid", "true");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", errors.Count > 0 ? $"fr-{kind}-group fr-{kind}-group--error" : $"fr-{kind}-group");

        var labelTag = new TagBuilder("label");
        labelTag.AddCssClass("fr-label");
        labelTag.Attributes["for"] = id;
        labelTag.InnerHtml.Append(label);
        if (!string.IsNullOrEmpty(hint))
        {
            var hintTag = new TagBuilder("span");
            hintTag.AddCssClass("fr-hint-text");
            hintTag.InnerHtml.Append(hint);
            labelTag.InnerHtml.AppendHtml(hintTag);
        }

        var messages = new TagBuilder("div");
        messages.AddCssClass("fr-messages-group");
        messages.Attributes["id"] = messagesId;
        messages.Attributes["aria-live"] = "polite";
        for (var i = 0; i < errors.Count; i++)
        {
            var message = new TagBuilder("p");
            message.AddCssClass("fr-message fr-message--error");
            message.Attributes["id"] = $"{id}-message-error{(i == 0 ? "" : $"-{i}")}";
            message.InnerHtml.Append(errors[i]);
            messages.InnerHtml.AppendHtml(message);
        }

        output.Content.Clear();
        output.Content.AppendHtml(labelTag);
        output.Content.AppendHtml(control);
        output.Content.AppendHtml(messages);
    }

    public static TagHelperContext ContextFor(string tagName, TagHelperAttributeList attributes) =>
        new(tagName, attributes, new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));

    public static TagHelperOutput OutputFor(string tagName, TagHelperAttributeList attributes, TagMode mode) =>
        new(tagName, attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent())) { TagMode = mode };

    // Attributes written on <dsfr-input autocomplete="..." spellcheck="false"> go to the control itself.
    public static TagHelperAttributeList PassThrough(TagHelperOutput output) => [.. output.Attributes];
}
