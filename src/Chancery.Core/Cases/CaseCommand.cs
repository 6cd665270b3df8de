namespace Chancery.Core.Cases;

/// <summary>A request to take one step on a case.</summary>
/// <param name="Action">The step.</param>
/// <param name="Reason">Why: required for refusals, hit resolutions, withdrawals, invalidations, reprints.</param>
/// <param name="Passed">For <see cref="CaseAction.RecordChecks"/>: the checks were clear; for <see cref="CaseAction.ResolveHit"/>: the hit was a false positive.</param>
public sealed record CaseCommand(CaseAction Action, string? Reason = null, bool Passed = true);
