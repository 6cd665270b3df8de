using System.Collections.Frozen;
using System.Security.Cryptography;
using Chancery.Core.Appointments;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// The ALTCHA challenges (options under <c>Chancery:Altcha</c>) and the endpoint that serves them,
/// <c>GET /rendez-vous/defi/{action}</c>. Without a configured key, SQLite runs keep one in
/// <c>altcha.key</c> beside the default database; PostgreSQL runs refuse to start (instances must share it).
/// </summary>
internal static class AltchaSetup
{
    public const string ChallengeRoute = "/rendez-vous/defi/{action}";
    public const string KeyFileName = "altcha.key";

    /// <summary>The actions a challenge may be bound to: booking a slot, registering for a ballot, asking for a code.</summary>
    public static readonly FrozenSet<string> Actions = FrozenSet.Create(StringComparer.Ordinal, "book", "ballot", "code");

    public static IServiceCollection AddChanceryAltcha(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = DatabaseSetup.IsPostgres(configuration);
        var keyFile = Path.Combine(Path.GetDirectoryName(DatabaseSetup.DefaultSqlitePath(configuration))!, KeyFileName);
        services.AddOptions<AltchaOptions>()
            .BindConfiguration(AltchaOptions.Section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.HmacKey) && !postgres)
                    o.HmacKey = ReadOrCreateKey(keyFile);
            })
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.HmacKey),
                $"{AltchaOptions.Section}:HmacKey must be set with PostgreSQL: every instance must share it to verify the others' challenges (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).")
            .Validate(o => string.IsNullOrWhiteSpace(o.HmacKey) || IsKey(o.HmacKey), $"{AltchaOptions.Section}:HmacKey must be base64 of at least 32 bytes.")
            .Validate(o => o.CounterMin <= o.CounterMax, $"{AltchaOptions.Section}:CounterMin must not exceed CounterMax.")
            .ValidateOnStart();
        services.AddSingleton<AltchaChallenges>();
        return services;
    }

    public static IEndpointConventionBuilder MapAltchaChallenges(this IEndpointRouteBuilder app) =>
        app.MapGet(ChallengeRoute, ServeAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AbuseControl.ChallengePolicy)
            .ExcludeFromDescription();

    // The JSON is written as signed (AltchaChallenge.Json), never re-serialised.
    private static async Task<IResult> ServeAsync(string action, HttpContext http, AltchaChallenges challenges, AbuseGuard guard, TimeProvider clock, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!Actions.Contains(action))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown action", detail: $"Challenges are made for: {string.Join(", ", Actions.Order(StringComparer.Ordinal))}.");
        if (await guard.BlockOnAsync(AbuseControl.ClientAddress(http), ct) is { } block)
            return AbuseControl.TooManyRequestsProblem(http, block.Until - clock.GetUtcNow().UtcDateTime);
        return TypedResults.Text(challenges.Create(action).Json, "application/json");
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var length) && length >= 32;
    }

    // Made once, on first use; two processes starting together both end up with the first one written.
    private static string ReadOrCreateKey(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var writer = new StreamWriter(file);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            Thread.Sleep(50);
            return File.ReadAllText(path).Trim();
        }
    }
}
