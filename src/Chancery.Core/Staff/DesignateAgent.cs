using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Staff;

/// <summary>A consul designates an agent for their post, for dated period.</summary>
public sealed class DesignateAgent(ChanceryDb db, TimeProvider clock)
{
    public async Task<Result<Designation>> ExecuteAsync(string userId, int postId, DateOnly from, DateOnly until, Actor consul, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consul);
        if (!consul.Has(Role.Consul) || !consul.Sees(postId))
            return Error.Forbidden("Only a consul designated for this post can designate its agents.");
        if (userId == consul.Id)
            return Error.Forbidden("A consul cannot designate themselves; another consul or an administrator does.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (from < today.AddYears(-1) || from > today.AddYears(1))
            return Error.Validation("validFrom", "The start date must be within a year of today.");
        if (until < from)
            return Error.Validation("validUntil", "The end date is before the start date.");
        if (until > from.AddYears(5))
            return Error.Validation("validUntil", "A designation lasts at most five years.");
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            return Error.Validation("userId", "There is no such agent.");

        var designation = new Designation
        {
            UserId = userId,
            PostId = postId,
            ValidFrom = from,
            ValidUntil = until,
            DesignatedBy = consul.Id,
            DesignatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Designations.Add(designation);
        await db.SaveChangesAsync(ct);
        return designation;
    }
}
