using Chancery.Core.Data;
using Chancery.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure;

/// <summary>Writes the configured screening age where the database triggers read it.</summary>
internal static class GateSettingsSync
{
    public static async Task ApplyAsync(ChanceryDb db, IOptions<ChanceryOptions> options, CancellationToken ct)
    {
        var seconds = (int)options.Value.Screening.MaxAge.TotalSeconds;
        await db.GateSettings.Where(g => g.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(g => g.ScreeningMaxAgeSeconds, seconds), ct);
    }
}
