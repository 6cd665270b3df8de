using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Staff;

/// <summary>Builds the <see cref="Actor"/> for a signed-in agent or an API client, with the posts they may see today.</summary>
public sealed class LoadActor(ChanceryDb db, TimeProvider clock)
{
    public async Task<Actor?> ForUserAsync(string userId, string? ipAddress, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.UserName }).SingleOrDefaultAsync(ct);
        if (user is null)
            return null;

        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId
                               select r.Name).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var posts = await db.Designations.AsNoTracking()
            .Where(d => d.UserId == userId && d.EndedAt == null && d.ValidFrom <= today && d.ValidUntil >= today)
            .Select(d => d.PostId)
            .ToListAsync(ct);
        var roles = roleNames.Select(n => Enum.TryParse<Role>(n, out var r) ? r : (Role?)null).OfType<Role>().ToHashSet();
        var name = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
        return new Actor(user.Id, name, roles, posts.ToHashSet(), ipAddress);
    }

    public async Task<Actor?> ForApiClientAsync(ApiClient client, string? ipAddress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var codes = client.PostCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var posts = await db.Posts.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => p.Id).ToListAsync(ct);
        var roles = client.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => Enum.TryParse<Role>(n, out var r) ? r : (Role?)null).OfType<Role>().ToHashSet();
        return new Actor("api:" + client.Id.ToString("N"), "API " + client.Name, roles, posts.ToHashSet(), ipAddress, IsMachine: true);
    }
}
