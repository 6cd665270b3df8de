using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Chancery.Core.Protection;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Applications.Uploads;

/// <summary>
/// Keeps applicants' files outside the web root under names the server chooses: 32 random hex
/// characters and the extension the inspector decided. The applicant's file name is never used.
/// Each file is sealed (AES-256-GCM under the current data key, bound to its name, <see cref="Sealer.SealBytes"/>):
/// a copy of the folder without the keys shows no passport scan.
/// </summary>
public sealed partial class UploadStore(IOptions<UploadOptions> options, Sealer sealer)
{
    public const string Entity = "Upload";
    public const string Field = "Content";

    private static readonly string[] Extensions = [".jpg", ".png", ".pdf"];

    private string Root => Path.GetFullPath(options.Value.Directory);

    /// <summary>Writes to a temporary file, then moves it into place, so a reader never sees half a file.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken ct)
    {
        if (!Extensions.Contains(extension, StringComparer.Ordinal))
            throw new ArgumentException($"'{extension}' is not an extension the inspector gives.", nameof(extension));

        var root = EnsureRoot();
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        await WriteInPlaceAsync(root, storedName, sealer.SealBytes(content.Span, Entity, Field, storedName), replace: false, ct).ConfigureAwait(false);
        return storedName;
    }

    /// <summary>Opens a stored file; any name the server could not have chosen (a path, "../x") is refused.</summary>
    /// <exception cref="SealedValueException">The file was altered, or is another file's content.</exception>
    public Stream OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return new MemoryStream(sealer.OpenBytes(File.ReadAllBytes(path), Entity, Field, storedName), writable: false);
    }

    /// <summary>The names of the stored files whose content is under a data key older than <paramref name="version"/> (key rotation).</summary>
    public IReadOnlyList<string> OlderThan(int version)
    {
        var root = Root;
        if (!Directory.Exists(root))
            return [];
        var older = new List<string>();
        Span<byte> header = stackalloc byte[8];
        foreach (var path in Directory.EnumerateFiles(root))
        {
            var name = Path.GetFileName(path);
            if (!IsStoredName(name))
                continue;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (Sealer.VersionOf(header[..read]) is not { } v || v < version)
                older.Add(name);
        }

        return older;
    }

    /// <summary>Seals a stored file again under the current data key, replacing it whole (key rotation); false when it is gone.</summary>
    public async Task<bool> ResealAsync(string storedName, CancellationToken ct)
    {
        var path = PathOf(storedName);
        byte[] sealedContent;
        try
        {
            sealedContent = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        // A file stored before files were sealed is sealed as it is: rotation is also how such a folder is migrated.
        var plain = Sealer.VersionOf(sealedContent) is null ? sealedContent : sealer.OpenBytes(sealedContent, Entity, Field, storedName);
        await WriteInPlaceAsync(Root, storedName, sealer.SealBytes(plain, Entity, Field, storedName), replace: true, ct).ConfigureAwait(false);
        return true;
    }

    // Writes to a temporary file, then moves it into place, so a reader never sees half a file. The leading dot keeps
    // the temporary name outside the stored-name pattern: OpenRead never serves it.
    private static async Task WriteInPlaceAsync(string root, string storedName, byte[] content, bool replace, CancellationToken ct)
    {
        var temporary = Path.Combine(root, $".{storedName}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp");
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

            File.Move(temporary, Path.Combine(root, storedName), overwrite: replace);
        }
        finally
        {
            File.Delete(temporary);
        }
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
