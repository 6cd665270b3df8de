using System.Security.Claims;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Security;

/// <summary>The <see cref="Actor"/> behind the current request, loaded once per request.</summary>
internal sealed class CurrentActor(IHttpContextAccessor http, LoadActor load, ChanceryDb db)
{
    private Actor? actor;
    private bool loaded;

    public async Task<Actor?> GetAsync(CancellationToken ct)
    {
        if (loaded)
            return actor;
        loaded = true;
        var context = http.HttpContext ?? throw new InvalidOperationException("No current request.");
        var user = context.User;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var clientClaim = user.FindFirstValue(ApiKeyAuthentication.ClientClaim);
        if (clientClaim is not null && Guid.TryParse(clientClaim, out var clientId))
        {
            var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, ct);
            actor = client is null ? null : await load.ForApiClientAsync(client, ip, ct);
        }
        else if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            actor = await load.ForUserAsync(userId, ip, ct);
        }

        return actor;
    }
}
