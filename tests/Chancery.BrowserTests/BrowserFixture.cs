using Chancery.TestCommon;
using Chancery.TestCommon.Smtp;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chancery.BrowserTests;

/// <summary>
/// The application on a real Kestrel port over a real database, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public ChanceryApp App { get; private set; } = null!;

    /// <summary>Where the application's e-mail goes (resume links, codes, receipts).</summary>
    public SmtpSink Smtp { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Smtp = await SmtpSink.StartAsync();
        App = new ChanceryApp(database) { Smtp = Smtp };
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from calling home.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (Smtp is not null)
            await Smtp.DisposeAsync();
    }
}
