using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Appointments;

/// <summary>
/// When an address is blocked automatically, and the request limits of the appointment pages, under
/// <c>Chancery:Abuse</c>. A threshold is crossed when an address reaches it inside its window.
/// </summary>
public sealed class AbuseOptions
{
    public const string Section = "Chancery:Abuse";

    [Range(1, 100_000)]
    public int ChallengeFailures { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ChallengeFailureWindow { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 100_000)]
    public int CodeFailures { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CodeFailureWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Distinct identities one address may book or register for before it is blocked (the next one blocks).</summary>
    [Range(1, 100_000)]
    public int IdentitiesPerAddress { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdentityWindow { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan BlockFor { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Events are kept this long for the blocks and the staff dashboard, then purged.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan KeepEvents { get; set; } = TimeSpan.FromDays(7);

    [Required]
    public LimitOptions Limits { get; set; } = new();

    /// <summary>Request limits, counted in memory per instance (each instance allows this many).</summary>
    public sealed class LimitOptions
    {
        /// <summary>Requests to the appointment pages per client address per minute.</summary>
        [Range(1, 1_000_000)]
        public int PagesPerMinute { get; set; } = 60;

        /// <summary>Challenges served per client address per minute (each costs the server a key derivation).</summary>
        [Range(1, 1_000_000)]
        public int ChallengesPerMinute { get; set; } = 20;

        /// <summary>Code requests per e-mail address per hour.</summary>
        [Range(1, 1_000_000)]
        public int CodesPerEmailPerHour { get; set; } = 5;

        /// <summary>Booking or ballot requests per identity per hour.</summary>
        [Range(1, 1_000_000)]
        public int RequestsPerIdentityPerHour { get; set; } = 5;
    }
}
