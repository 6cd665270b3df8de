using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Chancery.Web.Pages.Shared;

// A DSFR select group for a model property: label, hint, the select and its validation error.
//     <dsfr-select asp-for="Input.Service" asp-items="Model.Services" />
//     <dsfr-select asp-for="Input.PostId" asp-items="Model.Posts" label="@T["book.post"]" placeholder="@T["book.post.choose"]" />
// Until a value is chosen, a disabled placeholder option shows (default: "Sélectionner une option").
// Label and hint default to the property's [Display(Name/Description = "text.key")].
[HtmlTargetElement("dsfr-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrSelectTagHelper(IHtmlGenerator generator, Texts texts) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string? Label { get; set; }

    public string? Hint { get; set; }

    public string? Placeholder { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var attributes = DsfrField.PassThrough(output);
        attributes.SetAttribute("class", "fr-select");

        var select = DsfrField.OutputFor("select", attributes, TagMode.StartTagAndEndTag);
        var selectContext = DsfrField.ContextFor("select", []);
        var helper = new SelectTagHelper(generator) { For = For, Items = Items, ViewContext = ViewContext };
        helper.Init(selectContext);
        helper.Process(selectContext, select);

        var chosen = For.Model is not null && !string.IsNullOrEmpty(For.Model.ToString());
        var placeholder = new TagBuilder("option");
        placeholder.Attributes["value"] = "";
        placeholder.Attributes["disabled"] = "disabled";
        if (!chosen)
            placeholder.Attributes["selected"] = "selected";
        placeholder.InnerHtml.Append(Placeholder ?? texts["form.select.placeholder"]);
        select.PreContent.AppendHtml(placeholder);

        DsfrField.Wrap(output, "select", select, DsfrField.Label(For, Label), Hint ?? For.Metadata.Description,
            DsfrField.Errors(ViewContext, For, texts));
    }
}
