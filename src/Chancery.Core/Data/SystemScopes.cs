using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Data;

/// <summary>Service scopes for work done on no one's behalf (jobs, command-line verbs): they see every post.</summary>
public static class SystemScopes
{
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DataScope>().UseSystem();
        return scope;
    }

    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
}
