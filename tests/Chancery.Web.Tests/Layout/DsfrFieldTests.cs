using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chancery.TestCommon;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Layout;

// <dsfr-input> and <dsfr-select> rendered against the application's own MVC services.
public sealed class DsfrFieldTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void Input_Valid_RendersLabelHintAndInputWithoutError()
    {
        var field = Render(new Form(), f => f.Surname, (helper, expression) =>
            new DsfrInputTagHelper(helper.Generator, helper.Texts) { For = expression, Hint = "Comme sur le passeport", ViewContext = helper.ViewContext },
            new TagHelperAttribute("autocomplete", "family-name"));

        Assert.Equal("fr-input-group", field.ClassName);
        var label = field.QuerySelector("label.fr-label")!;
        Assert.Equal("Surname", label.GetAttribute("for"));
        Assert.Equal("Comme sur le passeport", label.QuerySelector(".fr-hint-text")?.TextContent);
        var input = field.QuerySelector("input.fr-input")!;
        Assert.Equal("Surname", input.Id);
        Assert.Equal("Surname", input.GetAttribute("name"));
        Assert.Equal("family-name", input.GetAttribute("autocomplete"));
        Assert.Equal("Surname-messages", input.GetAttribute("aria-describedby"));
        Assert.Null(input.GetAttribute("aria-invalid"));
        Assert.Empty(field.QuerySelectorAll(".fr-message--error"));
    }

    [Fact]
    public void Input_WithModelStateError_RendersDsfrErrorState()
    {
        var field = Render(new Form(), f => f.Surname, (helper, expression) =>
            new DsfrInputTagHelper(helper.Generator, helper.Texts) { For = expression, Label = "Nom", ViewContext = helper.ViewContext },
            modelState: m => m.AddModelError("Surname", "Saisissez votre nom."));

        Assert.Equal("fr-input-group fr-input-group--error", field.ClassName);
        Assert.Equal("Nom", field.QuerySelector("label")?.TextContent);
        var input = field.QuerySelector("input")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var messages = field.QuerySelector("#" + input.GetAttribute("aria-describedby"))!;
        Assert.Equal("fr-messages-group", messages.ClassName);
        Assert.Equal("Saisissez votre nom.", messages.QuerySelector("p.fr-message.fr-message--error")?.TextContent);
    }

    [Fact]
    public void Input_DateProperty_RendersIsoDateValue()
    {
        var field = Render(new Form { BirthDate = new DateOnly(1974, 8, 12) }, f => f.BirthDate, (helper, expression) =>
            new DsfrInputTagHelper(helper.Generator, helper.Texts) { For = expression, Type = "date", ViewContext = helper.ViewContext });

        var input = field.QuerySelector("input")!;
        Assert.Equal("date", input.GetAttribute("type"));
        Assert.Equal("1974-08-12", input.GetAttribute("value"));
    }

    [Fact]
    public void Select_NothingChosen_ShowsThePlaceholderAndTheItems()
    {
        var field = Render(new Form(), f => f.Service, (helper, expression) =>
            new DsfrSelectTagHelper(helper.Generator, helper.Texts)
            {
                For = expression,
                Items = [new("Passeport", "passport"), new("Visa", "visa")],
                Label = "Service",
                ViewContext = helper.ViewContext,
            },
            modelState: m => m.AddModelError("Service", "Choisissez un service."));

        Assert.Equal("fr-select-group fr-select-group--error", field.ClassName);
        var options = field.QuerySelectorAll("select.fr-select option");
        Assert.Equal(["", "passport", "visa"], options.Select(o => o.GetAttribute("value")));
        Assert.NotNull(options[0].GetAttribute("selected"));
        Assert.NotNull(options[0].GetAttribute("disabled"));
        Assert.Equal("Sélectionner une option", options[0].TextContent);
        Assert.Equal("Choisissez un service.", field.QuerySelector(".fr-message--error")?.TextContent);
    }

    private IElement Render<TValue>(
        Form model,
        System.Linq.Expressions.Expression<Func<Form, TValue>> property,
        Func<Helpers, ModelExpression, TagHelper> create,
        TagHelperAttribute? extra = null,
        Action<ModelStateDictionary>? modelState = null)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr");
        try
        {
            var services = fixture.App.Services.CreateScope().ServiceProvider;
            var state = new ModelStateDictionary();
            modelState?.Invoke(state);
            var viewData = new ViewDataDictionary<Form>(services.GetRequiredService<IModelMetadataProvider>(), state) { Model = model };
            var actionContext = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor(), state);
            var viewContext = new ViewContext(actionContext, NullView.Instance, viewData, services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(actionContext.HttpContext), TextWriter.Null, new HtmlHelperOptions());
            var expression = services.GetRequiredService<ModelExpressionProvider>().CreateModelExpression(viewData, property);
            var helpers = new Helpers(services.GetRequiredService<IHtmlGenerator>(), services.GetRequiredService<Texts>(), viewContext);

            var attributes = new TagHelperAttributeList();
            if (extra is not null)
                attributes.Add(extra);
            var context = new TagHelperContext(new TagHelperAttributeList(attributes), new Dictionary<object, object>(), "test");
            var output = new TagHelperOutput("dsfr-field", attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
            create(helpers, expression).Process(context, output);

            using var writer = new StringWriter();
            output.WriteTo(writer, HtmlEncoder.Default);
            var document = new HtmlParser().ParseDocument($"<body>{writer}</body>");
            return document.Body!.FirstElementChild!;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private sealed record Helpers(IHtmlGenerator Generator, Texts Texts, ViewContext ViewContext);

    public sealed class Form
    {
        [Required]
        public string? Surname { get; set; }

        public DateOnly? BirthDate { get; set; }

        public string? Service { get; set; }
    }

    private sealed class NullView : Microsoft.AspNetCore.Mvc.ViewEngines.IView
    {
        public static readonly NullView Instance = new();

        public string Path => "";

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }
}
