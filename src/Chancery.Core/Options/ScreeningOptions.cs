using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Options;

public sealed class ScreeningOptions
{
    /// <summary>A screening older than this must be run again before print.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Name-match score at or above which a watchlist entry is a hit.</summary>
    [Range(0.0, 1.0)]
    public double MatchThreshold { get; set; } = 0.85;

    /// <summary>How long a submission or a print waits for the index of changed lists before leaving the checks to the background worker.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan IndexWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server looks for a new list version (imported by another process) and for cases waiting for their checks.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IndexRefresh { get; set; } = TimeSpan.FromSeconds(30);
}
