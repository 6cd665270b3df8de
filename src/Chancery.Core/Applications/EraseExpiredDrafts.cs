using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Applications;

/// <summary>Erases drafts 30 days after they were started, with their uploaded files. Safe to run twice at once.</summary>
public sealed class EraseExpiredDrafts(ChanceryDb db, TimeProvider clock, UploadStore store)
{
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.ApplicationDrafts.Where(d => d.ExpiresAt <= now).Select(d => d.Id).ToListAsync(ct);
        if (expired.Count == 0)
            return 0;
        var files = await db.ApplicationDocuments.Where(d => d.DraftId != null && expired.Contains(d.DraftId.Value)).Select(d => d.StoredName).ToListAsync(ct);
        await db.ApplicationDocuments.Where(d => d.DraftId != null && expired.Contains(d.DraftId.Value)).ExecuteDeleteAsync(ct);
        var erased = await db.ApplicationDrafts.Where(d => expired.Contains(d.Id)).ExecuteDeleteAsync(ct);
        foreach (var file in files)
            store.Delete(file);
        return erased;
    }
}
