namespace Chancery.Core.Screening;

/// <summary>
/// The result of the mandatory security checks on a case at one moment. Until automated screening
/// exists, a security officer records it by hand; the issuance gate reads it the same way.
/// </summary>
public sealed class ScreeningResult
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required Guid CaseId { get; init; }

    public required ScreeningOutcome Outcome { get; init; }

    public required DateTime ScreenedAt { get; init; }

    public required string ScreenedBy { get; init; }

    public string? Notes { get; init; }

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
