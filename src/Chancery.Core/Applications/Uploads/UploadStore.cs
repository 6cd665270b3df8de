using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Applications.Uploads;

/// <summary>
/// Keeps applicants' files outside the web root under names the server chooses: 32 random hex
/// characters and the extension the inspector decided. The applicant's file name is never used.
/// </summary>
public sealed partial class UploadStore(IOptions<UploadOptions> options)
{
    private static readonly string[] Extensions = [".jpg", ".png", ".pdf"];

    private string Root => Path.GetFullPath(options.Value.Directory);

    /// <summary>Writes to a temporary file, then moves it into place, so a reader never sees half a file.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken ct)
    {
        if (!Extensions.Contains(extension, StringComparer.Ordinal))
            throw new ArgumentException($"'{extension}' is not an extension the inspector gives.", nameof(extension));

        var root = EnsureRoot();
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        // The leading dot keeps the temporary name outside the stored-name pattern: OpenRead never serves it.
        var temporary = Path.Combine(root, $".{storedName}.tmp");
        var final = Path.Combine(root, storedName);
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            var stream = new FileStream(temporary, fileOptions);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return storedName;
    }

    /// <summary>Opens a stored file; any name the server could not have chosen (a path, "../x") is refused.</summary>
    public Stream OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    /// <summary>Removes a stored file; removing one that is already gone is not an error.</summary>
    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored: the file is gone already.
        }
    }

    public static bool IsStoredName(string? storedName) => storedName is not null && StoredName().IsMatch(storedName);

    private string PathOf(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        if (!IsStoredName(storedName))
            throw new ArgumentException("Not a name the upload store chose.", nameof(storedName));
        return Path.Combine(Root, storedName);
    }

    private string EnsureRoot()
    {
        var root = Root;
        if (Directory.Exists(root))
            return root;
        // 0700: only the account Chancery runs as may list or read applicants' files.
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(root);
        else
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return root;
    }

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^[0-9a-f]{32}\.(jpg|png|pdf)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoredName();
}
