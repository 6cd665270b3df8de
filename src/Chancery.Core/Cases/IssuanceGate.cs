using Chancery.Core.Common;
using Chancery.Core.Screening;

namespace Chancery.Core.Cases;

/// <summary>
/// No document is printed unless its case was approved by an adjudicator and its latest screening
/// passed, after the last watchlist change and within the configured age. The database triggers
/// (see the migrations) hold the same rule for any path that skips this code.
/// </summary>
public static class IssuanceGate
{
    public static Result<ScreeningResult> Check(
        Case @case,
        IReadOnlyCollection<ScreeningResult> screenings,
        DateTime? lastWatchlistChange,
        DateTime now,
        TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(screenings);
        if (@case.ApprovedBy is null || @case.ApprovedAt is null)
            return Error.Conflict("gate.not-approved", "The case has not been approved by an adjudicator.");

        var latest = screenings.Where(s => s.CaseId == @case.Id).MaxBy(s => s.ScreenedAt);
        if (latest is null)
            return Error.Conflict("gate.no-screening", "The case has no security check result.");
        if (!latest.Passed)
            return Error.Conflict("gate.screening-failed", "The latest security check did not pass.");
        if (lastWatchlistChange is { } changed && latest.ScreenedAt <= changed)
        {
            return Error.Conflict(
                "gate.screening-stale",
                $"The security checks were run before the watchlists last changed ({changed:u}); run them again before printing.");
        }

        if (now - latest.ScreenedAt > maxAge)
        {
            return Error.Conflict(
                "gate.screening-stale",
                $"The security checks are older than {maxAge.TotalDays:0.#} days; run them again before printing.");
        }

        return latest;
    }
}
