namespace Chancery.Web.Localization;

internal static class LocalizationSetup
{
    public static IServiceCollection AddChanceryLocalization(this IServiceCollection services) => services;

    public static IApplicationBuilder UseChanceryLocalization(this IApplicationBuilder app) => app;
}
