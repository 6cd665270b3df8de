using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Chancery.Web.Localization;

// The language selector's links: the page being shown, same query, with ?lang= set. Plain links,
// so the choice works without JavaScript. On a re-executed status page (404...) they point at the
// address the person asked for, not at /StatusCode/404.
internal static class LanguageLink
{
    public static string For(HttpContext context, string language)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var reExecute = context.Features.Get<IStatusCodeReExecuteFeature>();
        var path = reExecute is null
            ? request.PathBase + request.Path
            : new PathString(reExecute.OriginalPathBase) + new PathString(reExecute.OriginalPath);
        var queryString = reExecute is null ? request.QueryString.Value : reExecute.OriginalQueryString;

        var query = new QueryBuilder();
        foreach (var (key, values) in QueryHelpers.ParseQuery(queryString))
        {
            if (!string.Equals(key, LocalizationSetup.LanguageParameter, StringComparison.OrdinalIgnoreCase))
                query.Add(key, values.Where(v => v is not null).Select(v => v!));
        }
        query.Add(LocalizationSetup.LanguageParameter, language);
        return path.ToUriComponent() + query.ToQueryString().ToUriComponent();
    }
}
