namespace Chancery.Core.Applications;

/// <summary>
/// Staff ask the applicant to correct named answers of a submitted application. The applicant gets an
/// e-mailed link (only the token's SHA-256 is kept) that opens those fields and no others.
/// </summary>
public sealed class CorrectionRequest
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required Guid CaseId { get; init; }

    /// <summary>The field names to correct, comma separated.</summary>
    public required string Fields { get; init; }

    /// <summary>What staff wrote to the applicant.</summary>
    public required string Message { get; init; }

    public required string TokenHash { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTime RequestedAt { get; init; }

    public required DateTime ExpiresAt { get; init; }

    public DateTime? CompletedAt { get; set; }

    public IReadOnlyList<string> FieldNames => Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
