namespace Chancery.Core.Screening;

/// <summary>
/// The result of the mandatory security checks on a case at one moment: every person on the case
/// screened against the watchlists (at the versions named in <see cref="ListVersions"/>) and the travel
/// document against the register of lost, stolen and invalidated documents. The issuance gate reads it.
/// </summary>
public sealed class ScreeningResult
{
    private readonly List<ScreeningMatch> matches = [];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required Guid CaseId { get; init; }

    public required ScreeningOutcome Outcome { get; init; }

    public required DateTime ScreenedAt { get; init; }

    public required string ScreenedBy { get; init; }

    public string? Notes { get; init; }

    /// <summary>The lists and versions screened against, e.g. <c>OFAC SDN v3, UN consolidated v1</c>.</summary>
    public string? ListVersions { get; init; }

    /// <summary>What matched, when the outcome is a hit.</summary>
    public IReadOnlyList<ScreeningMatch> Matches => matches;

    public void AddMatch(ScreeningMatch match) => matches.Add(match);

    public HitResolution? Resolution { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public string? Justification { get; private set; }

    /// <summary>Clear, or a hit cleared as a false positive.</summary>
    public bool Passed => Outcome == ScreeningOutcome.Clear || Resolution == HitResolution.Cleared;

    public void Resolve(HitResolution resolution, string by, DateTime at, string justification)
    {
        if (Outcome != ScreeningOutcome.Hit || Resolution is not null)
            throw new InvalidOperationException("Only an unresolved hit can be resolved.");
        Resolution = resolution;
        ResolvedBy = by;
        ResolvedAt = at;
        Justification = justification;
    }
}
