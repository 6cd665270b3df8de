using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Localization;

internal static class LocalizationSetup
{
    public const string LanguageParameter = "lang";
    public const string LanguageCookie = "lang";

    public static IServiceCollection AddChanceryLocalization(this IServiceCollection services)
    {
        services.AddSingleton(_ => Texts.FromEmbeddedResources(typeof(Texts).Assembly));
        services.AddSingleton<IStringLocalizerFactory, TextsStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<MvcDataAnnotationsLocalizationOptions>(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Texts)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, ValidationMessagesSetup>();

        var cultures = Texts.Languages.Select(l => new CultureInfo(l)).ToList();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Texts.French);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The address wins (a link someone shares, the language selector), then the remembered choice,
            // then the browser's languages; French when none of them is French or English.
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(Result(RequestedLanguage(context)))),
                new CustomRequestCultureProvider(context => Task.FromResult(
                    Result(context.Request.Cookies.TryGetValue(LanguageCookie, out var language) ? Supported(language) : null))),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseChanceryLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Use(RememberLanguageChoice);
        return app;
    }

    // The cookie only remembers a preference the person expressed with ?lang=: no consent needed.
    private static Task RememberLanguageChoice(HttpContext context, RequestDelegate next)
    {
        if (RequestedLanguage(context) is { } language && context.Request.Cookies[LanguageCookie] != language)
        {
            context.Response.Cookies.Append(LanguageCookie, language, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
            });
        }
        return next(context);
    }

    // ?lang= of this request or, on a status page re-executed for it (404...), of the request the person made.
    private static string? RequestedLanguage(HttpContext context)
    {
        var values = context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecute
            ? QueryHelpers.ParseQuery(reExecute.OriginalQueryString).GetValueOrDefault(LanguageParameter)
            : context.Request.Query[LanguageParameter];
        return Supported(values.ToString());
    }

    private static ProviderCultureResult? Result(string? language) => language is null ? null : new ProviderCultureResult(language);

    private static string? Supported(string? language) =>
        Texts.Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
}
