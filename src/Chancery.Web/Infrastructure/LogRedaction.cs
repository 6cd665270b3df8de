using Chancery.Core.Common;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Personal data and secrets never reach the log output: log calls mark such values with <see cref="PersonalAttribute"/>
/// or <see cref="SecretAttribute"/> in their <c>[LoggerMessage]</c>, and the logging pipeline erases them. Erased, not
/// hashed: a keyed hash would let whoever holds the logs and the key link lines to a person, and no one needs that.
/// </summary>
internal static class LogRedaction
{
    public static WebApplicationBuilder AddChanceryLogRedaction(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(r =>
        {
            r.SetRedactor<ErasingRedactor>(new DataClassificationSet(ChanceryTaxonomy.Personal), new DataClassificationSet(ChanceryTaxonomy.Secret));
            // A value classified under another taxonomy is erased too, rather than written as it is.
            r.SetFallbackRedactor<ErasingRedactor>();
        });
        return builder;
    }
}
