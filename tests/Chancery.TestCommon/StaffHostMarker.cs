using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Chancery.TestCommon;

/// <summary>
/// Test-only: TestServer has no ports, so a request addressed to <see cref="ChanceryApp.StaffAddress"/> is marked
/// as arriving on the staff listener's port before anything else in the pipeline sees it.
/// </summary>
public sealed class StaffHostMarker : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (string.Equals(context.Request.Host.Host, ChanceryApp.StaffAddress.Host, StringComparison.OrdinalIgnoreCase))
                    context.Connection.LocalPort = ChanceryApp.StaffPort;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
