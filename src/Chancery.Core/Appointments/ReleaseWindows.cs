using System.Globalization;
using System.Security.Cryptography;
using Chancery.Core.Common;

namespace Chancery.Core.Appointments;

/// <summary>
/// The release windows of a service (<see cref="AppointmentService.ReleaseWindowsText"/>, e.g. <c>08:00-12:00,14:00-18:00</c>)
/// and the random instant of the next batch inside them.
/// </summary>
public static class ReleaseWindows
{
    /// <summary>The least time between two batches, so that a release is never followed at once by the next.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(10);

    // Less of a window than this left after the gap is skipped: a draw in a few seconds would be almost predictable.
    private static readonly TimeSpan ShortestDraw = TimeSpan.FromMinutes(15);

    /// <summary>Reads the windows, in order; a clear message when the text is malformed, a window empty or two overlap.</summary>
    public static Result<IReadOnlyList<ReleaseWindow>> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Error.Validation("releaseWindows", "Give at least one release window, e.g. 08:00-12:00.");
        var windows = new List<ReleaseWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TryTime(bounds[0], out var start) || !TryTime(bounds[1], out var end))
                return Error.Validation("releaseWindows", $"\"{part}\" is not a window: write HH:mm-HH:mm, windows separated by commas.");
            if (start >= end)
                return Error.Validation("releaseWindows", $"The window {part} must start before it ends (a window does not run past midnight).");
            windows.Add(new ReleaseWindow(start, end));
        }

        windows.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < windows.Count; i++)
        {
            if (windows[i].Start < windows[i - 1].End)
                return Error.Validation("releaseWindows", $"The windows {Format(windows[i - 1])} and {Format(windows[i])} overlap.");
        }

        return windows;
    }

    /// <summary>The windows written back in the canonical form, e.g. <c>08:00-12:00,14:00-18:00</c>.</summary>
    public static string Format(IEnumerable<ReleaseWindow> windows) => string.Join(',', windows.Select(Format));

    /// <summary>
    /// A uniformly random instant, to the second, in the first window (post's local time) that still has
    /// a useful stretch at least <see cref="MinimumGap"/> after <paramref name="afterUtc"/>. Drawn with
    /// <see cref="RandomNumberGenerator"/>: whoever knows the windows cannot guess the minute or second.
    /// </summary>
    public static DateTime NextReleaseAt(DateTime afterUtc, TimeZoneInfo zone, IReadOnlyList<ReleaseWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
            throw new ArgumentException("No release window.", nameof(windows));
        var utc = DateTime.SpecifyKind(afterUtc.Kind == DateTimeKind.Local ? afterUtc.ToUniversalTime() : afterUtc, DateTimeKind.Utc);
        var earliest = Truncate(utc + MinimumGap);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(earliest, zone));
        // A window of every day is tried in turn, from the local day of the earliest instant; two days always suffice.
        for (var d = -1; d <= 2; d++)
        {
            foreach (var window in windows.OrderBy(w => w.Start))
            {
                var start = ToUtc(day.AddDays(d).ToDateTime(window.Start), zone);
                var end = ToUtc(day.AddDays(d).ToDateTime(window.End), zone);
                var from = start > earliest ? start : earliest;
                if (end - from < ShortestDraw && !(start >= earliest && end > start))
                    continue;
                var seconds = (int)Math.Min(int.MaxValue, (end - from).TotalSeconds);
                return from.AddSeconds(RandomNumberGenerator.GetInt32(0, seconds));
            }
        }

        throw new InvalidOperationException("No release window in the next two days.");
    }

    /// <summary>The UTC instant of a local time; a time skipped by a clock change is moved past the gap.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var i = 0; i < 4 && zone.IsInvalidTime(unspecified); i++)
            unspecified = unspecified.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>The post's time zone, from its IANA name.</summary>
    public static TimeZoneInfo Zone(string ianaName) => TimeZoneInfo.FindSystemTimeZoneById(ianaName);

    private static bool TryTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Format(ReleaseWindow w) =>
        w.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + w.End.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
