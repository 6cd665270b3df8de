using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Data;

/// <summary>Service scopes for work done on no one's behalf (jobs, command-line verbs): they see every post.</summary>
public static class SystemScopes
{
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        // A provider without the database set-up (a test's bare services) has no scope, and no interceptor to read one.
        scope.ServiceProvider.GetService<DataScope>()?.UseSystem();
        return scope;
    }

    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
}
