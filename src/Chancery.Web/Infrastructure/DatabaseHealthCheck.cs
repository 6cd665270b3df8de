using Chancery.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chancery.Web.Infrastructure;

/// <summary>Ready when the database answers and its schema is the one this build expects.</summary>
internal sealed class DatabaseHealthCheck(ChanceryDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var verdict = await SchemaCheck.CheckAsync(db, cancellationToken);
            return verdict.Ok ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Schema mismatch.");
        }
#pragma warning disable CA1031 // Any failure to reach the database means not ready.
        catch (Exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
