using System.Threading.RateLimiting;
using Chancery.Core.Appointments;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Per-e-mail and per-identity request limits, for keys known only after model binding. Fixed windows of an
/// hour, counted in memory on each instance. A singleton: page models call <see cref="TryAcquire"/> and answer
/// a refusal with <see cref="AbuseControl.TooManyRequests"/>.
/// </summary>
internal sealed class AppointmentLimits : IDisposable
{
    private readonly PartitionedRateLimiter<(AppointmentLimit Kind, string Key)> limiter;

    public AppointmentLimits(IOptions<AbuseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.Limits;
        limiter = PartitionedRateLimiter.Create<(AppointmentLimit Kind, string Key), (AppointmentLimit, string)>(request =>
            RateLimitPartition.GetFixedWindowLimiter(request, r => new FixedWindowRateLimiterOptions
            {
                PermitLimit = r.Item1 == AppointmentLimit.Email ? limits.CodesPerEmailPerHour : limits.RequestsPerIdentityPerHour,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>
    /// Takes one permit for the key (an e-mail address or <see cref="BoundIdentity.Key"/>; compared without
    /// case or surrounding spaces). False when the key has used its permits: come back after <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquire(AppointmentLimit kind, string key, out TimeSpan retryAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var lease = limiter.AttemptAcquire((kind, key.Trim().ToUpperInvariant()));
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromHours(1);
        return false;
    }

    public void Dispose() => limiter.Dispose();
}
