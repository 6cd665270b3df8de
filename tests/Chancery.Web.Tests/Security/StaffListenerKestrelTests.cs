using System.Net;
using System.Net.Sockets;
using Chancery.TestCommon;

namespace Chancery.Web.Tests.Security;

/// <summary>
/// The real server on two real ports: the public one answers 404 for the back office and the staff API, the
/// staff one (<c>Chancery:StaffUrls</c>) answers them. TestServer has no ports, so this one test uses Kestrel.
/// </summary>
public sealed class StaffListenerKestrelTests
{
    [Fact]
    public async Task PublicPort_Answers404ForStaffPages_StaffPortAnswersThem()
    {
        var publicPort = FreePort();
        var staffPort = FreePort();
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ChanceryApp(database) { StaffUrls = $"http://127.0.0.1:{staffPort}" };
        app.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, publicPort);
            o.Listen(IPAddress.Loopback, staffPort);
        });
        app.StartServer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        async Task<HttpStatusCode> GetAsync(int port, string path) => (await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"))).StatusCode;

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(publicPort, "/staff/signin"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(publicPort, "/staff/cases"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(publicPort, "/api/v1/cases"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(publicPort, "/"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(staffPort, "/staff/signin"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(staffPort, "/api/v1/cases"));
        Assert.Equal(HttpStatusCode.Redirect, await GetAsync(staffPort, "/staff/cases"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
