using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Core.Appointments;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Appointments;

/// <summary>
/// Abuse control over HTTP on each database: per-address limits, X-Forwarded-For only from configured
/// proxies, automatic blocks refused with 429 and Retry-After, and staff lifting them. Each test's
/// client address is set by a test-only header read before the forwarded-headers middleware.
/// </summary>
public abstract class AbuseControlTests(AppFixture fixture)
{
    private const string PeerHeader = "X-Test-Peer";

    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Challenge_PastTheLimit_IsRefusedWithRetryAfterForThatAddressOnly()
    {
        using var app = With(("Chancery:Abuse:Limits:ChallengesPerMinute", "3"));
        using var client = Client(app);
        var address = NewAddress();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, address)).StatusCode);
        using var refused = await GetChallengeAsync(client, address);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, NewAddress())).StatusCode);
    }

    [Fact]
    public async Task Challenge_SpoofedForwardedForFromNonProxy_CountsTheRealAddress()
    {
        using var app = With(("Chancery:Abuse:Limits:ChallengesPerMinute", "3"), ("Chancery:Proxies", "10.9.9.9"));
        using var client = Client(app);
        var address = NewAddress();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, address, forwardedFor: NewAddress())).StatusCode);
        using var refused = await GetChallengeAsync(client, address, forwardedFor: NewAddress());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Challenge_ForwardedForFromConfiguredProxy_CountsTheClient()
    {
        using var app = With(("Chancery:Abuse:Limits:ChallengesPerMinute", "3"), ("Chancery:Proxies", "10.9.9.0/24"));
        using var client = Client(app);
        var proxy = "10.9.9.7";
        var clientAddress = NewAddress();

        // Many clients behind one proxy each have their own allowance...
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, proxy, forwardedFor: NewAddress())).StatusCode);
        // ...and one client behind it is counted as itself.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, proxy, forwardedFor: clientAddress)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetChallengeAsync(client, proxy, forwardedFor: clientAddress)).StatusCode);
    }

    [Fact]
    public async Task Challenge_LoopbackNotListed_IsNotTrustedAsProxy()
    {
        using var app = With(("Chancery:Abuse:Limits:ChallengesPerMinute", "2"), ("Chancery:Proxies", "10.9.9.9"));
        using var client = Client(app);

        Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, "127.0.0.1", forwardedFor: NewAddress())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, "127.0.0.1", forwardedFor: NewAddress())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetChallengeAsync(client, "127.0.0.1", forwardedFor: NewAddress())).StatusCode);
    }

    [Fact]
    public async Task Challenge_UnknownAction_IsNotFoundProblem()
    {
        using var app = With();
        using var client = Client(app);

        using var response = await GetChallengeAsync(client, NewAddress(), action: "steal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Challenge_Served_IsNotStoredAndSolvesToValid()
    {
        using var app = With();
        using var client = Client(app);

        using var response = await GetChallengeAsync(client, NewAddress());
        var json = await response.Content.ReadAsStringAsync();
        var payload = AltchaSolver.Solve(json)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var challenges = app.Services.GetRequiredService<AltchaChallenges>();
        Assert.Equal(AltchaCheck.Valid, await challenges.VerifyAsync(payload, "book", CancellationToken.None));
    }

    [Fact]
    public async Task Failures_PastTheThreshold_BlockTheAddressUntilStaffLiftIt()
    {
        using var app = With();
        using var client = Client(app);
        var address = NewAddress();
        await RecordAsync(app, address, AbuseKind.ChallengeFailed, 9);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/rendez-vous", address)).StatusCode);

        await RecordAsync(app, address, AbuseKind.ChallengeFailed, 1);
        Assert.NotNull(await BlockAsync(app, address));
        using (var challengeFirst = await GetChallengeAsync(client, address))
            Assert.Equal(HttpStatusCode.TooManyRequests, challengeFirst.StatusCode);

        using var page = await GetAsync(client, "/rendez-vous", address);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.InRange(page.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 3500, 3600);
        var html = await Html.ParseAsync(page);
        Assert.Equal("Trop de demandes", html.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("60 minutes", html.QuerySelector("#retry-after")?.TextContent, StringComparison.Ordinal);
        using var challenge = await GetChallengeAsync(client, address);
        Assert.Equal(HttpStatusCode.TooManyRequests, challenge.StatusCode);
        Assert.NotNull(challenge.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/rendez-vous", NewAddress())).StatusCode);

        var post = await App.CreatePostAsync();
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var staff = await StaffSession.SignInAsync(app, consul.UserName!);
        var (listed, list) = await staff.GetAsync("/staff/rendez-vous/blocages");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var row = list.QuerySelectorAll("#blocks-in-force tbody tr").Single(r => r.Children[0].TextContent.Trim() == address);
        Assert.Equal("10 failed challenges in 1 hour", row.Children[1].TextContent.Trim());

        using var lifted = await staff.PostFormAsync("/staff/rendez-vous/blocages", new Dictionary<string, string>(), $"#lift-{row.Id!["block-".Length..]}");

        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/rendez-vous", address)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetChallengeAsync(client, address)).StatusCode);
        var (_, after) = await staff.GetAsync("/staff/rendez-vous/blocages");
        var past = after.QuerySelector($"#blocks-past #{row.Id}");
        Assert.NotNull(past);
        Assert.Contains(consul.DisplayName, past.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identities_MoreThanFivePerAddress_BlockIt()
    {
        using var app = With();
        var address = NewAddress();

        for (var i = 0; i < 5; i++)
            await RecordAsync(app, address, AbuseKind.IdentityRequested, 1, identity: $"FRA:ID{i}");
        await RecordAsync(app, address, AbuseKind.IdentityRequested, 2, identity: "FRA:ID0");
        Assert.Null(await BlockAsync(app, address));

        await RecordAsync(app, address, AbuseKind.IdentityRequested, 1, identity: "FRA:ID5");

        Assert.Equal("bookings for 6 identities in 24 hours", (await BlockAsync(app, address))?.Reason);
    }

    [Fact]
    public async Task Block_AfterItsTime_NoLongerApplies()
    {
        using var app = With();
        using var client = Client(app);
        var address = NewAddress();
        await RecordAsync(app, address, AbuseKind.CodeFailed, 10);
        Assert.Equal("10 failed codes in 1 hour", (await BlockAsync(app, address))?.Reason);

        App.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Null(await BlockAsync(app, address));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/rendez-vous", address)).StatusCode);
    }

    [Fact]
    public async Task Blocks_ForAClerk_AreForbidden()
    {
        using var app = With();
        var address = NewAddress();
        await RecordAsync(app, address, AbuseKind.ChallengeFailed, 10);
        var blockId = (await BlockAsync(app, address))!.Id;
        var post = await App.CreatePostAsync();
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        using var staff = await StaffSession.SignInAsync(app, clerk.UserName!);

        var (page, _) = await staff.GetAsync("/staff/rendez-vous/blocages");
        using var lift = await staff.PostAsync("/staff/rendez-vous/blocages?handler=Lift", new Dictionary<string, string> { ["blockId"] = blockId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("/staff/denied", page.Headers.Location?.AbsolutePath);
        Assert.Equal("/staff/denied", lift.Headers.Location?.AbsolutePath);
        Assert.NotNull(await BlockAsync(app, address));
    }

    [Fact]
    public void Limits_PerEmail_RefuseTheSixthWithRetryAfter()
    {
        var limits = App.Services.GetRequiredService<Chancery.Web.Infrastructure.AppointmentLimits>();
        var email = $"person-{Guid.NewGuid():N}@example.org";

        for (var i = 0; i < 5; i++)
            Assert.True(limits.TryAcquire(Chancery.Web.Infrastructure.AppointmentLimit.Email, i % 2 == 0 ? email : email.ToUpperInvariant(), out _));
        var allowed = limits.TryAcquire(Chancery.Web.Infrastructure.AppointmentLimit.Email, email, out var retryAfter);

        Assert.False(allowed);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.True(limits.TryAcquire(Chancery.Web.Infrastructure.AppointmentLimit.Identity, email, out _));
    }

    // A host of its own on the same database and clock, with the peer address taken from a test header first.
    private WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        App.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
            b.ConfigureTestServices(services => services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, PeerFromHeader>()));
        });

    private static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> GetChallengeAsync(HttpClient client, string address, string? forwardedFor = null, string action = "book") =>
        GetAsync(client, $"/rendez-vous/defi/{action}", address, forwardedFor);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string address, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(PeerHeader, address);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static async Task RecordAsync(WebApplicationFactory<Program> app, string address, AbuseKind kind, int times, string? identity = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var guard = scope.ServiceProvider.GetRequiredService<AbuseGuard>();
        for (var i = 0; i < times; i++)
            await guard.RecordAsync(address, kind, identity, "example.org", CancellationToken.None);
    }

    private static async Task<AddressBlock?> BlockAsync(WebApplicationFactory<Program> app, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AbuseGuard>().BlockOnAsync(address, CancellationToken.None);
    }

    // An address of the IPv6 documentation prefix, random so that no two tests share a partition or a block.
    private static string NewAddress()
    {
        var bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = 0xb8;
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes.AsSpan(8));
        return new IPAddress(bytes).ToString();
    }

    // Test code only: what a socket would give the server, set before anything else reads it.
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer.ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class AbuseControlTestsSqlite(SqliteAppFixture fixture) : AbuseControlTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class AbuseControlTestsPostgres(PostgresAppFixture fixture) : AbuseControlTests(fixture), IClassFixture<PostgresAppFixture>;
