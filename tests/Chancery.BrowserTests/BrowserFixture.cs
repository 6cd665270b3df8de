using Chancery.TestCommon;
using Chancery.TestCommon.Smtp;
using System.Net;
using System.Net.Sockets;
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

    /// <summary>The staff listener: the back office answers only there.</summary>
    public Uri StaffAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Smtp = await SmtpSink.StartAsync();
        // Two listeners, as in production: the public site, and the back office on its own port.
        var publicPort = FreePort();
        var staffPort = FreePort();
        App = new ChanceryApp(database) { Smtp = Smtp, StaffUrls = $"http://127.0.0.1:{staffPort}" };
        App.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, publicPort);
            o.Listen(IPAddress.Loopback, staffPort);
        });
        App.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{publicPort}/");
        StaffAddress = new Uri($"http://127.0.0.1:{staffPort}/");

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
