namespace Chancery.Core.Common;

/// <summary>The first answer to a request sent with an <c>Idempotency-Key</c>, replayed to retries.</summary>
public sealed class IdempotencyRecord
{
    public long Id { get; private set; }

    /// <summary>Who sent it (API client or user id): keys are scoped per caller.</summary>
    public required string ClientId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    public int? StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public string? Location { get; set; }

    public required DateTime CreatedAt { get; init; }
}
