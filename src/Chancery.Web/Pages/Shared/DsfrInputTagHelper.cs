using Chancery.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Chancery.Web.Pages.Shared;

// A DSFR input group for a model property: label, hint, the input, and its validation error.
//     <dsfr-input asp-for="Input.Surname" autocomplete="family-name" />
//     <dsfr-input asp-for="Input.BirthDate" type="date" label="@T["book.birthDate"]" hint="@T["book.birthDate.hint"]" />
// The label defaults to the property's [Display(Name = "text.key")] (a Texts key), the hint to its
// [Display(Description = "text.key")]. The input is what <input asp-for> makes (name, value, type from the
// property, data-val-*); other attributes written on <dsfr-input> (autocomplete, inputmode...) go onto it.
[HtmlTargetElement("dsfr-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrInputTagHelper(IHtmlGenerator generator, Texts texts) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string? Label { get; set; }

    public string? Hint { get; set; }

    // text, date, email, tel, number, password...; by default the one <input asp-for> infers from the property.
    public string? Type { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var attributes = DsfrField.PassThrough(output);
        attributes.SetAttribute("class", "fr-input");
        var inputAttributes = new TagHelperAttributeList();
        if (Type is not null)
            inputAttributes.Add("type", Type);

        var input = DsfrField.OutputFor("input", attributes, TagMode.SelfClosing);
        new InputTagHelper(generator) { For = For, ViewContext = ViewContext, InputTypeName = Type }
            .Process(DsfrField.ContextFor("input", inputAttributes), input);

        DsfrField.Wrap(output, "input", input, DsfrField.Label(For, Label), Hint ?? For.Metadata.Description,
            DsfrField.Errors(ViewContext, For, texts));
    }
}
