using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Cases;

/// <summary>
/// Claims a loaded case inside the caller's transaction before changing it: its version moves on
/// only if it is still the one loaded. Of two writers on one case, the second waits for the first
/// and then finds the version moved, instead of racing it.
/// </summary>
public static class CaseClaim
{
    public static async Task<bool> TryAsync(ChanceryDb db, Case @case, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        var id = @case.Id;
        var version = @case.Version;
        var claimed = await db.Cases.Where(c => c.Id == id && c.Version == version)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (claimed != 1)
            return false;
        // The tracked copy follows, so the save that comes next checks against the claimed version.
        var entry = db.Entry(@case).Property(c => c.Version);
        entry.CurrentValue = version + 1;
        entry.OriginalValue = version + 1;
        return true;
    }
}
