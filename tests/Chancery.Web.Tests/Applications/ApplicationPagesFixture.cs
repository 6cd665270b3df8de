using Chancery.TestCommon;
using Chancery.TestCommon.Smtp;

namespace Chancery.Web.Tests.Applications;

// The application with its e-mail going to an SMTP sink, so that tests read the links, codes and receipts sent.
#pragma warning disable CA1001 // xunit ends class fixtures through IAsyncLifetime.DisposeAsync, which disposes both.
public abstract class ApplicationPagesFixture(DatabaseKind kind) : IAsyncLifetime
{
    private ChanceryApp? app;
    private SmtpSink? smtp;

    public ChanceryApp App => app ?? throw new InvalidOperationException("The fixture has not started.");

    public SmtpSink Smtp => smtp ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        app = new ChanceryApp(await TestDatabase.CreateAsync(kind)) { Smtp = smtp };
        _ = app.Server;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
        if (smtp is not null)
            await smtp.DisposeAsync();
    }
}
#pragma warning restore CA1001

public sealed class ApplicationPagesSqliteFixture() : ApplicationPagesFixture(DatabaseKind.Sqlite);

public sealed class ApplicationPagesPostgresFixture() : ApplicationPagesFixture(DatabaseKind.Postgres);
