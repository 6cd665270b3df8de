using System.ComponentModel.DataAnnotations;

namespace Chancery.Web.Api;

/// <summary>The body of a lifecycle step.</summary>
/// <param name="Reason">Why (required for refuse, resolve-hit, withdraw, invalidate, reprint).</param>
/// <param name="Passed">resolve-hit only: true when the hit is a false positive, false to confirm it (refusal). record-checks runs the screening, whose result is its own.</param>
internal sealed record CaseActionBody([property: StringLength(2000)] string? Reason, bool? Passed);
