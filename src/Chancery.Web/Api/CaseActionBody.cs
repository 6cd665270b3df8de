using System.ComponentModel.DataAnnotations;

namespace Chancery.Web.Api;

/// <summary>The body of a lifecycle step.</summary>
/// <param name="Reason">Why (required for refuse, resolve-hit, withdraw, invalidate, reprint); notes for record-checks.</param>
/// <param name="Passed">record-checks: true when the checks were clear, false for a hit. resolve-hit: true when the hit is a false positive, false to confirm it (refusal).</param>
internal sealed record CaseActionBody([property: StringLength(2000)] string? Reason, bool? Passed);
