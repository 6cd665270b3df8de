using System.Security.Cryptography;
using System.Text;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Staff;

/// <summary>
/// API keys for partner systems: <c>chk_</c> + 8-character id + secret. The key is shown once;
/// only its SHA-256 is kept (a long random secret needs no slow hash).
/// </summary>
public sealed class ApiKeys(ChanceryDb db, TimeProvider clock)
{
    private const string Scheme = "chk_";

    public async Task<Result<(ApiClient Client, string Key)>> CreateAsync(string name, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> postCodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(postCodes);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            return Error.Validation("name", "Give the client a name of up to 100 characters.");
        var parsedRoles = new List<Role>();
        foreach (var r in roles)
        {
            if (!Enum.TryParse<Role>(r, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                return Error.Validation("roles", $"Unknown role '{r}'. Roles: {string.Join(", ", Enum.GetNames<Role>())}.");
            parsedRoles.Add(role);
        }

        if (parsedRoles.Count == 0)
            return Error.Validation("roles", "Give at least one role.");
        var codes = postCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var known = await db.Posts.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        var unknown = codes.Except(known).ToList();
        if (unknown.Count > 0 || codes.Count == 0)
            return Error.Validation("posts", unknown.Count > 0 ? $"Unknown post(s): {string.Join(", ", unknown)}." : "Give at least one post.");

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Scheme}{id}_{secret}";
        var client = new ApiClient
        {
            Name = name.Trim(),
            KeyPrefix = id,
            KeyHash = Hash(key),
            Roles = string.Join(',', parsedRoles.Distinct()),
            PostCodes = string.Join(',', codes),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        return (client, key);
    }

    /// <summary>The client a presented key belongs to, or null; compares hashes in constant time.</summary>
    public async Task<ApiClient?> FindAsync(string presented, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(Scheme, StringComparison.Ordinal) || presented.Length > 200)
            return null;
        var parts = presented[Scheme.Length..].Split('_', 2);
        if (parts.Length != 2)
            return null;
        var prefix = parts[0];
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyPrefix == prefix && c.RevokedAt == null, ct);
        if (client is null)
            return null;
        var ok = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(client.KeyHash));
        return ok ? client : null;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
