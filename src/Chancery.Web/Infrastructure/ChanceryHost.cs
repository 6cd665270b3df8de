using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Audit;
using Chancery.Core.Cases;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Options;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Web.Api;
using Chancery.Web.Infrastructure.Mail;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Appointments.Ballots;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;

namespace Chancery.Web.Infrastructure;

/// <summary>Services and the request pipeline, shared by the server and the command-line verbs.</summary>
internal static class ChanceryHost
{
    public const string StaffPolicy = "Staff";
    public const string ApiPolicy = "Api";
    public const string StaffEnrolmentPath = "/staff/compte/activation";

    /// <summary>Where an agent adds or confirms a passkey; administrators are sent there until their session used one.</summary>
    public const string StaffPasskeysPath = "/staff/compte/cles";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Content (wwwroot, data/) is found beside the app whatever directory it is started from.
            ContentRootPath = ContentRoot(),
        });
        var services = builder.Services;
        services.AddOptions<ChanceryOptions>().BindConfiguration(ChanceryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddChanceryDatabase(builder.Configuration);
        services.AddChanceryProtection(builder.Configuration, builder.Environment.ContentRootPath);

        services.AddScoped<EnterCase>();
        services.AddScoped<PerformCaseAction>();
        services.AddScoped<PrintDocument>();
        services.AddScoped<ReadCase>();
        services.AddScoped<ListCases>();
        services.AddScoped<ManageStock>();
        services.AddScoped<ListStock>();
        services.AddScoped<PrintJobs>();
        services.AddScoped<DesignateAgent>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<ImportWatchlist>();
        services.AddScoped<ScreenCase>();
        services.AddScoped<RegisterDocument>();
        services.AddSingleton<ScreeningIndexHolder>();
        services.AddScoped<LoadActor>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<IdempotentIntake>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<EraseExpiredDrafts>();
        services.AddScoped<CorrectApplication>();
        services.AddScoped<RequestBookingCode>();
        services.AddScoped<VerifyBookingCode>();
        services.AddScoped<BookAppointment>();
        services.AddScoped<ManageBooking>();
        services.AddScoped<ConfirmPayment>();
        services.AddScoped<ExpireUnpaidBookings>();
        services.AddScoped<PurgeBookingRequests>();
        services.AddScoped<Pages.Appointments.BookingConfirmation>();
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section)
            .Validate(o => o.WebhookSecret is null || o.WebhookSecret.Length >= 32, "Chancery:Payments:WebhookSecret must be at least 32 characters.")
            .ValidateOnStart();
        services.AddScoped<GenerateSlots>();
        services.AddScoped<ReleaseSlots>();
        services.AddScoped<MarkNoShows>();
        services.AddScoped<CheckInBooking>();
        services.AddScoped<AppointmentDashboard>();
        services.AddScoped<ManageCalendar>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.Every >= TimeSpan.FromSeconds(1), "Chancery:Audit:Every must be at least one second.").ValidateOnStart();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<VerifyAuditLog>();
        services.AddScoped<SignCheckpoint>();
        services.AddChanceryUploads(builder.Configuration);
        services.AddChanceryMail(builder.Configuration);
        services.AddChanceryBallots(builder.Configuration);
        services.AddChanceryAbuseControl(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddChanceryCookieRules();
        builder.AddChanceryLogRedaction();
        // Sign-in cookies and antiforgery tokens survive a restart: the keys live beside the default database.
        var dataProtection = services.AddDataProtection().SetApplicationName("Chancery");
        var keyDirectory = builder.Configuration["Chancery:DataProtectionKeys"]
            ?? (DatabaseSetup.IsPostgres(builder.Configuration) ? null : Path.Combine(Path.GetDirectoryName(DatabaseSetup.DefaultSqlitePath(builder.Configuration))!, "keys"));
        if (keyDirectory is not null)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyDirectory));

        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 12;
                o.User.RequireUniqueEmail = false;
                o.Tokens.AuthenticatorTokenProvider = StaffAuthenticator.ProviderName;
            })
            .AddEntityFrameworkStores<ChanceryDb>()
            .AddUserStore<StaffUserStore>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<StaffAuthenticator>(StaffAuthenticator.ProviderName);
        // Identity V3 hashes are PBKDF2-HMAC-SHA512; older or weaker hashes are rehashed at the next sign-in.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // A disabled account, a new factor or a reset ends the account's other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The refreshed principal is rebuilt from the database: keep how the session was opened (second factor, passkey).
            o.OnRefreshingPrincipal = c =>
            {
                if (c.CurrentPrincipal is not null && c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var method in c.CurrentPrincipal.FindAll(StaffSignInManager.AmrClaim).Select(m => m.Value).Distinct(StringComparer.Ordinal))
                    {
                        if (!identity.HasClaim(StaffSignInManager.AmrClaim, method))
                            identity.AddClaim(new System.Security.Claims.Claim(StaffSignInManager.AmrClaim, method));
                    }
                }

                return Task.CompletedTask;
            };
        });
        // Passkeys: the device checks the person (PIN or biometrics), so a passkey alone is both factors; it is
        // discoverable, so the sign-in page can offer it before the user name is known. The relying party is the
        // staff listener's host name unless set (Chancery:Passkeys:ServerDomain).
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            o.ServerDomain = builder.Configuration["Chancery:Passkeys:ServerDomain"];
            // The page that made the request is the staff listener's own page (behind a proxy, the address the
            // forwarded headers give): nothing from another origin, nothing framed.
            o.ValidateOrigin = c => ValueTask.FromResult(!c.CrossOrigin && string.Equals(
                c.Origin, c.HttpContext.Request.Scheme + "://" + c.HttpContext.Request.Host.Value, StringComparison.OrdinalIgnoreCase));
        });
        services.AddScoped<StaffAccountControl>();
        StaffListener.AddTo(builder);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/staff/signin";
            o.LogoutPath = "/staff/signout";
            o.AccessDeniedPath = "/staff/denied";
            o.Cookie.Name = "chancery-staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle timeout: 15 minutes without a request ends the session.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            o.SlidingExpiration = true;
            // A session without the second factor is good only for enrolling one: everything else sends it there.
            var accessDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = c =>
            {
                if (!StaffSignInManager.HasSecondFactor(c.HttpContext.User))
                    c.RedirectUri = StaffEnrolmentPath;
                return accessDenied(c);
            };
        });
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser()
                .RequireClaim(StaffSignInManager.AmrClaim, StaffSignInManager.Mfa))
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", StaffPolicy);
            o.Conventions.AllowAnonymousToPage("/Staff/SignIn");
            // The second step and the enrolment check their half-open sessions themselves.
            o.Conventions.AllowAnonymousToPage("/Staff/SignInCode");
            o.Conventions.AllowAnonymousToPage("/Staff/Account/Enrol");
        });
        services.AddChanceryLocalization();
        // French and other scripts are written as characters, not as numeric references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblems>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // A null where the contract has no null is a 400 naming the field, not a crash further in.
            o.SerializerOptions.RespectNullableAnnotations = true;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Chancery API";
            doc.Info.Description = "The consular case register for partner systems: intake, lifecycle, stock, print jobs and watchlist screening. Authenticate with `Authorization: Bearer <API key>`; errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddHostedService<StartupChecks>();
        if (builder.Configuration.GetValue("Chancery:Screening:Worker", true))
            services.AddHostedService<ScreeningWorker>();
        if (builder.Configuration.GetValue("Chancery:Applications:DraftErasure", true))
            services.AddHostedService<DraftErasureWorker>();
        // Demo only: production signs with `chancery audit checkpoint` under an account of its own (docs/audit.md).
        if (builder.Configuration.GetValue("Chancery:Audit:SignInProcess", false))
            services.AddHostedService<AuditCheckpointWorker>();
        if (builder.Configuration.GetValue("Chancery:Appointments:Release", true))
            services.AddHostedService<SlotReleaseWorker>();
        return builder;
    }

    public static WebApplication Configure(WebApplication app)
    {
        // The API answers every error as problem details; pages answer with the friendly error pages.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), web =>
        {
            web.UseExceptionHandler("/Error");
            web.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
        });
        app.Use(SecurityHeaders.Apply);
        app.UseCookiePolicy();
        StaffListener.Use(app);
        app.UseStaticFiles();
        app.UseChanceryLocalization();
        app.UseRouting();
        app.UseChanceryAbuseControl();
        app.UseAuthentication();
        app.UseAuthorization();
        // Row-level security on PostgreSQL: which posts this request's queries may see (docs/rls.md).
        app.Use(RequestDataScope.ApplyAsync);
        app.UseMiddleware<AccessMatrixEnforcement>();

        app.MapRazorPages();
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy);
        api.MapCasesApi();
        api.MapStockApi();
        api.MapPrintJobsApi();
        api.MapScreeningApi();
        api.MapDocumentRegisterApi();
        api.MapApplicationsApi();
        app.MapPaymentsApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static string? ContentRoot()
    {
        // Running from the source tree (dotnet run): the project folder; published: beside the binary.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Chancery.Web.csproj")))
                return d.FullName;
        }

        return null;
    }
}
