using System.Net.Http.Headers;
using System.Security.Cryptography;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon.Smtp;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Chancery.TestCommon;

/// <summary>
/// The whole application over HTTP against a real database, with a fake clock. Each test makes
/// its own post, staff and cases with the helpers here, so tests share no rows.
/// </summary>
public sealed class ChanceryApp : WebApplicationFactory<Program>
{
    public const string StaffPassword = "Test-Password-2026!";

    /// <summary>
    /// The staff listener's port in tests. Over TestServer there are no ports: a request to <see cref="StaffAddress"/>
    /// is marked as arriving on this one (see <see cref="StaffHostMarker"/>); any other host is the public listener.
    /// </summary>
    public const int StaffPort = 5081;

    /// <summary>The base address of staff sessions and API clients: the back office answers only there.</summary>
    public static readonly Uri StaffAddress = new("http://staff.test");

    /// <summary>The ALTCHA key of every test app: a payload solved against one is checked by another.</summary>
    /// <summary>The secret the tests' payment provider signs its webhooks with.</summary>
    public const string PaymentWebhookSecret = "test-payment-webhook-secret-of-chancery-tests";

    public const string AltchaKey = "dGVzdC1hbHRjaGEta2V5LW9mLWNoYW5jZXJ5LXRlc3RzLTMyYnl0ZXM=";

    public ChanceryApp(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
    }

    public TestDatabase Database { get; }

    /// <summary>Everything the application logged, every level: the canary tests look for personal data in it.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Runs the background screening worker (off by default so tests are not raced by it).</summary>
    public bool WithScreeningWorker { get; init; }

    /// <summary>
    /// Starts at the real time, then moves only when a test says so. It cannot start at a fixed day: the
    /// database's own clock bounds print and screening times from below (see the IssuanceGate migrations).
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>The staff listener's addresses (<c>Chancery:StaffUrls</c>); real ports when the app runs on Kestrel.</summary>
    public string StaffUrls { get; init; } = $"http://localhost:{StaffPort}";

    /// <summary>Mail goes to this sink over SMTP when set; otherwise it is written into <see cref="MailDirectory"/>.</summary>
    public SmtpSink? Smtp { get; init; }

    /// <summary>This app's own pickup directory, used when <see cref="Smtp"/> is not set.</summary>
    /// <summary>Where applicants' uploads are kept, one directory per app, removed with it.</summary>
    public string UploadDirectory { get; } = Path.Combine(Path.GetTempPath(), "chancery-uploads-" + RandomNumberGenerator.GetHexString(12, lowercase: true));

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "chancery-mail-" + RandomNumberGenerator.GetHexString(12, lowercase: true));

    public static async Task<ChanceryApp> StartAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var app = new ChanceryApp(database);
        _ = app.Server; // Start now, so start-up failures surface in the fixture.
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Database.Settings()));
        foreach (var (key, value) in Database.Settings())
            builder.UseSetting(key, value);
        // Tests screen at entry and at print, in line; the background worker has its own test.
        builder.UseSetting("Chancery:Screening:Worker", WithScreeningWorker ? "true" : "false");
        // Drafts are erased by the pages when they are opened late; the hourly worker would race a moved clock.
        builder.UseSetting("Chancery:Applications:DraftErasure", "false");
        // Slots are generated and released by the tests themselves; the worker would race a moved clock.
        builder.UseSetting("Chancery:Appointments:Release", "false");
        // Ballots are opened, drawn and lapsed by the tests calling the jobs; the worker would race a moved clock.
        builder.UseSetting("Chancery:Appointments:Ballots", "false");
        // Checkpoints are signed by the tests that need one; the in-process signer would race a moved clock.
        builder.UseSetting("Chancery:Audit:SignInProcess", "false");
        builder.UseSetting("Chancery:Uploads:Directory", UploadDirectory);
        // ALTCHA: one fixed key (two apps on one database verify each other's challenges) and little work.
        builder.UseSetting("Chancery:Altcha:HmacKey", AltchaKey);
        builder.UseSetting("Chancery:Payments:WebhookSecret", PaymentWebhookSecret);
        builder.UseSetting("Chancery:StaffUrls", StaffUrls);
        builder.UseSetting("Chancery:Altcha:Cost", "1000");
        builder.UseSetting("Chancery:Altcha:CounterMin", "100");
        builder.UseSetting("Chancery:Altcha:CounterMax", "300");
        // Tests share one app and, in process, one (absent) client address: the per-address limits stay out of their way.
        builder.UseSetting("Chancery:Abuse:Limits:PagesPerMinute", "100000");
        builder.UseSetting("Chancery:Abuse:Limits:ChallengesPerMinute", "100000");
        if (Smtp is not null)
        {
            builder.UseSetting("Chancery:Mail:Mode", "smtp");
            builder.UseSetting("Chancery:Mail:Host", Smtp.Host);
            builder.UseSetting("Chancery:Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Chancery:Mail:Security", "none");
        }
        else
        {
            builder.UseSetting("Chancery:Mail:Mode", "pickup");
            builder.UseSetting("Chancery:Mail:PickupDirectory", MailDirectory);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, StaffHostMarker>();
        });
    }

    /// <summary>Runs <paramref name="work"/> with the app's services as a job would: in the system data scope (every post).</summary>
    public async Task<T> WithDbAsync<T>(Func<ChanceryDb, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<ChanceryDb>());
    }

    /// <inheritdoc cref="WithDbAsync"/>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateSystemScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A new post with a unique code and 100 blanks of every kind.</summary>
    private static int postsCreated = RandomNumberGenerator.GetInt32(26 * 26 * 26);

    public async Task<Post> CreatePostAsync(string country = "GBR")
    {
        var code = "T" + RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTVWXYZ0123456789", 5);
        return await WithDbAsync(async db =>
        {
            var post = new Post { Code = code, Name = "Test post " + code, Country = country, TimeZone = "Europe/London", Languages = "fr,en" };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            // Three letters of a counter, so that no two posts of a test run share a prefix (random letters did,
            // about once a run: two tests printing the same first number), and a letter per kind.
            var n = Interlocked.Increment(ref postsCreated) % (26 * 26 * 26);
            var prefix = string.Concat((char)('A' + n / 676), (char)('A' + n / 26 % 26), (char)('A' + n % 26));
            var kinds = Enum.GetValues<StockKind>();
            for (var i = 0; i < kinds.Length; i++)
            {
                var p = prefix + (char)('A' + i);
                db.DocumentStocks.Add(DocumentStock.Receive(post.Id, kinds[i], p, 1, 100, Clock.GetUtcNow().UtcDateTime, "test"));
            }

            await db.SaveChangesAsync();
            return post;
        });
    }

    /// <summary>A member of staff with the roles given, designated for the posts given from yesterday for a year.</summary>
    public Task<StaffUser> CreateStaffAsync(IEnumerable<Role> roles, params Post[] posts) => CreateStaffAsync(roles, enrolled: true, posts);

    /// <summary>
    /// A member of staff as above; <paramref name="enrolled"/>: with an authenticator app set up (the key is in the
    /// database; <see cref="AuthenticatorCodeAsync"/> computes its codes), otherwise one who must enrol at sign-in.
    /// </summary>
    public async Task<StaffUser> CreateStaffAsync(IEnumerable<Role> roles, bool enrolled, params Post[] posts)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(posts);
        return await WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var roleManager = sp.GetRequiredService<RoleManager<IdentityRole>>();
            var db = sp.GetRequiredService<ChanceryDb>();
            var name = "agent-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
            var user = new StaffUser { UserName = name, DisplayName = "Agent " + name[6..], Email = name + "@chancery.invalid", EmailConfirmed = true };
            Ensure(await users.CreateAsync(user, StaffPassword));
            if (enrolled)
            {
                Ensure(await users.ResetAuthenticatorKeyAsync(user));
                Ensure(await users.SetTwoFactorEnabledAsync(user, true));
                // Administrators sign in with a passkey: one held in software, which StaffSession uses.
                if (roles.Contains(Role.Administrator))
                {
                    var passkey = new SoftAuthenticator(user.Id);
                    Ensure(await users.AddOrUpdatePasskeyAsync(user, new UserPasskeyInfo(
                        passkey.CredentialId, passkey.CosePublicKey, Clock.GetUtcNow(), 0, ["internal"],
                        isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [], clientDataJson: [])));
                    Passkeys[name] = passkey;
                }
            }

            foreach (var role in roles)
            {
                if (!await roleManager.RoleExistsAsync(role.ToString()))
                {
                    var created = await roleManager.CreateAsync(new IdentityRole(role.ToString()));
                    // Two tests may create the same role at once; the loser finds it made.
                    if (!created.Succeeded && !await roleManager.RoleExistsAsync(role.ToString()))
                        Ensure(created);
                }

                Ensure(await users.AddToRoleAsync(user, role.ToString()));
            }

            var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
            foreach (var post in posts)
            {
                db.Designations.Add(new Designation
                {
                    UserId = user.Id, PostId = post.Id, ValidFrom = today.AddDays(-1), ValidUntil = today.AddYears(1),
                    DesignatedBy = "test", DesignatedAt = Clock.GetUtcNow().UtcDateTime,
                });
            }

            await db.SaveChangesAsync();
            return user;
        });
    }

    public Task<StaffUser> CreateStaffAsync(Role role, params Post[] posts) => CreateStaffAsync([role], posts);

    /// <summary>The passkeys of the enrolled administrators made by <see cref="CreateStaffAsync(IEnumerable{Role}, bool, Post[])"/>, by user name.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, SoftAuthenticator> Passkeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The code the user's authenticator app would show now, by the app's clock. Each time step is accepted once
    /// per account, so this takes the earliest step in the accepted window (one either side of now) not used yet;
    /// when a test has used all three, it forgets the used step, a test-only shortcut the app never takes.
    /// </summary>
    public static async Task<string> AuthenticatorCodeAsync(IServiceProvider services, string userName)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user '{userName}'.");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"'{userName}' has no authenticator.");
        var now = StaffAuthenticator.CurrentStep(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        var stored = await users.GetAuthenticationTokenAsync(user, StaffAuthenticator.TokenStore, StaffAuthenticator.LastStepToken);
        var step = stored is null ? now - 1 : Math.Max(now - 1, long.Parse(stored, System.Globalization.CultureInfo.InvariantCulture) + 1);
        if (step > now + 1)
        {
            Ensure(await users.RemoveAuthenticationTokenAsync(user, StaffAuthenticator.TokenStore, StaffAuthenticator.LastStepToken));
            step = now - 1;
        }

        return StaffAuthenticator.Code(StaffAuthenticator.Base32Decode(key)!, step);
    }

    public Task<string> AuthenticatorCodeAsync(string userName) => AuthenticatorCodeAsync(Services, userName);

    /// <summary>A client of the staff listener, with the options given (cookies and redirects as the caller says).</summary>
    public HttpClient CreateStaffClient(WebApplicationFactoryClientOptions? options = null)
    {
        options ??= new WebApplicationFactoryClientOptions();
        options.BaseAddress = StaffAddress;
        return CreateClient(options);
    }

    /// <summary>An HTTP client that calls the API with a fresh key for these roles and posts.</summary>
    public async Task<HttpClient> ApiClientAsync(IEnumerable<Role> roles, params Post[] posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var key = await WithServicesAsync(async sp =>
        {
            var created = await sp.GetRequiredService<ApiKeys>().CreateAsync(
                "test-" + RandomNumberGenerator.GetHexString(6, lowercase: true),
                roles.Select(r => r.ToString()).ToList(),
                posts.Select(p => p.Code).ToList(),
                CancellationToken.None);
            return created.Value.Key;
        });
        var client = CreateStaffClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public Task<HttpClient> ApiClientAsync(Role role, params Post[] posts) => ApiClientAsync([role], posts);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            foreach (var directory in new[] { UploadDirectory, MailDirectory })
            {
                if (Directory.Exists(directory))
                    Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
