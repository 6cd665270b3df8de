namespace Chancery.Core.Staff;

/// <summary>A partner system (print station, collection centre) that calls the API with a key. Only the key's hash is kept.</summary>
public sealed class ApiClient
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required string Name { get; init; }

    /// <summary>The key's first characters, shown to staff and used to find the client.</summary>
    public required string KeyPrefix { get; init; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string KeyHash { get; init; }

    /// <summary>Role names, comma separated.</summary>
    public required string Roles { get; init; }

    /// <summary>Post codes, comma separated.</summary>
    public required string PostCodes { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? RevokedAt { get; set; }
}
