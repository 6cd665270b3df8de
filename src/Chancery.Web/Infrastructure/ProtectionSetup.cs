using Chancery.Core.Protection;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Field-level encryption: the master key (a key file outside the data folder by default, or any
/// <see cref="IMasterKey"/> such as an HSM or KMS client registered instead), the key ring, the sealer,
/// the blind indexes and the EF Core interceptor that applies them.
/// </summary>
internal static class ProtectionSetup
{
    public const string Section = "Chancery:Protection";

    public static IServiceCollection AddChanceryProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var path = MasterKeyPath(configuration, contentRoot);
        // The local SQLite run makes its own key on first start; a PostgreSQL deployment must be given one
        // (a key made by one instance alone would leave the others unable to read).
        var create = configuration.GetValue($"{Section}:CreateMasterKey", !DatabaseSetup.IsPostgres(configuration));
        services.AddSingleton<IMasterKey>(_ => FileMasterKey.Load(path, create));
        services.AddSingleton<KeyRing>();
        services.AddSingleton<Sealer>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<RotateKeys>();
        return services;
    }

    /// <summary><c>Chancery:Protection:MasterKeyFile</c>, or <c>keys/master.key</c> beside the app: never inside the data folder.</summary>
    public static string MasterKeyPath(IConfiguration configuration, string contentRoot) =>
        configuration[$"{Section}:MasterKeyFile"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(contentRoot, "keys", "master.key");
}
