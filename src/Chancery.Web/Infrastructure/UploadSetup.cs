using Chancery.Core.Applications.Uploads;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Applicants' uploads go to <c>Chancery:Uploads:Directory</c>, by default an <c>uploads</c> folder
/// beside the default SQLite database (<c>data/uploads</c>), never under the web root.
/// </summary>
internal static class UploadSetup
{
    public static IServiceCollection AddChanceryUploads(this IServiceCollection services, IConfiguration configuration)
    {
        var defaultDirectory = Path.Combine(Path.GetDirectoryName(DatabaseSetup.DefaultSqlitePath(configuration))!, "uploads");
        services.AddOptions<UploadOptions>()
            .BindConfiguration(UploadOptions.Section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Directory))
                    o.Directory = defaultDirectory;
            })
            .ValidateDataAnnotations()
            .Validate<IWebHostEnvironment>(
                (o, environment) => !IsInside(o.Directory, environment.WebRootPath),
                $"{UploadOptions.Section}:Directory must not be inside the web root: files there could be served to anyone.")
            .ValidateOnStart();
        services.AddSingleton<UploadStore>();
        return services;
    }

    private static bool IsInside(string directory, string? webRoot)
    {
        if (string.IsNullOrEmpty(webRoot))
            return false;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot)) + Path.DirectorySeparatorChar;
        var candidate = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        return candidate.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
