using Xunit;

namespace Chancery.TestCommon;

/// <summary>One running application per test class and database; tests make their own posts and staff inside it.</summary>
public abstract class AppFixture(DatabaseKind kind) : IAsyncLifetime
{
    private ChanceryApp? app;

    public DatabaseKind Kind => kind;

    public ChanceryApp App => app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => app = await ChanceryApp.StartAsync(kind);

    public async Task DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }
}
