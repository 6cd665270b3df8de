using System.Security.Cryptography;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Protection;
using Chancery.TestCommon;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Tests.Applications;

public sealed class UploadStoreTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "chancery-uploads-" + RandomNumberGenerator.GetHexString(12, lowercase: true), "uploads");
    private TestDatabase database = null!;
    private UploadStore store = null!;

    // The files are sealed with the data keys of a database, as in the application.
    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        store = new UploadStore(Microsoft.Extensions.Options.Options.Create(new UploadOptions { Directory = directory }), database.Protection.GetRequiredService<Sealer>());
    }

    public async Task DisposeAsync()
    {
        var parent = Path.GetDirectoryName(directory)!;
        if (Directory.Exists(parent))
            Directory.Delete(parent, recursive: true);
        await database.DisposeAsync();
    }

    [Fact]
    public async Task StoredFile_HoldsNoClearContent_AndAlteredOrMovedContentDoesNotOpen()
    {
        var marker = System.Text.Encoding.ASCII.GetBytes("CANARY-UPLOAD-" + RandomNumberGenerator.GetHexString(16));
        byte[] content = [.. "%PDF-1.7 "u8, .. marker, .. "%%EOF"u8];
        var name = await store.SaveAsync(content, ".pdf", CancellationToken.None);
        var other = await store.SaveAsync(new byte[] { 9, 9, 9 }, ".pdf", CancellationToken.None);
        var path = Path.Combine(directory, name);
        var stored = await File.ReadAllBytesAsync(path);

        Assert.Equal(-1, stored.AsSpan().IndexOf(marker));
        Assert.Equal(-1, stored.AsSpan().IndexOf("%PDF"u8));

        // One bit flipped anywhere after the header: the tag check fails, naming the file.
        foreach (var at in new[] { 8, 20, stored.Length / 2, stored.Length - 1 })
        {
            var altered = (byte[])stored.Clone();
            altered[at] ^= 0x01;
            await File.WriteAllBytesAsync(path, altered);
            var e = Assert.Throws<SealedValueException>(() => store.OpenRead(name));
            Assert.Contains(name, e.Message, StringComparison.Ordinal);
        }

        // Another file's content under this name does not open either.
        File.Copy(Path.Combine(directory, other), path, overwrite: true);
        Assert.Throws<SealedValueException>(() => store.OpenRead(name));
    }

    [Fact]
    public async Task Rotation_SealsEveryFileAgainUnderTheNewKey_AndTheyStillOpen()
    {
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
            names.Add(await store.SaveAsync(new byte[] { (byte)i, 1, 2, 3 }, ".png", CancellationToken.None));
        var keys = database.Protection.GetRequiredService<KeyRing>();
        var rotate = new RotateKeys(database.Protection.GetRequiredService<IServiceScopeFactory>(), keys, TimeProvider.System, store);

        var outcome = await rotate.ExecuteAsync(resume: false, null, CancellationToken.None);

        Assert.True(outcome.Complete);
        Assert.Equal(0, outcome.Remaining[UploadStore.Entity]);
        Assert.Empty(store.OlderThan(outcome.NewVersion));
        for (var i = 0; i < names.Count; i++)
        {
            Assert.Equal(outcome.NewVersion, Sealer.VersionOf(await File.ReadAllBytesAsync(Path.Combine(directory, names[i]))));
            using var read = store.OpenRead(names[i]);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(new byte[] { (byte)i, 1, 2, 3 }, copy.ToArray());
        }
    }

    [Fact]
    public async Task SaveAsync_Content_IsReadBackUnderAServerChosenName()
    {
        byte[] content = [1, 2, 3, 4, 5];

        var name = await store.SaveAsync(content, ".png", CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}\\.png$", name);
        Assert.True(UploadStore.IsStoredName(name));
        using var read = store.OpenRead(name);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Equal([name], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SaveAsync_TwoFiles_GetDifferentNames()
    {
        var first = await store.SaveAsync(new byte[] { 1 }, ".pdf", CancellationToken.None);
        var second = await store.SaveAsync(new byte[] { 1 }, ".pdf", CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task SaveAsync_OnUnix_DirectoryIs0700AndFilesAre0600()
    {
        if (OperatingSystem.IsWindows())
            return;
        var name = await store.SaveAsync(new byte[] { 1 }, ".jpg", CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, name)));
    }

    [Theory]
    [InlineData(".exe")]
    [InlineData(".html")]
    [InlineData("")]
    [InlineData("/../x.png")]
    public async Task SaveAsync_ExtensionTheInspectorNeverGives_Throws(string extension)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new byte[] { 1 }, extension, CancellationToken.None));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef.exe")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.png")]
    [InlineData("0123456789abcdef0123456789abcde.png")]
    [InlineData("0123456789abcdef0123456789abcdef.png\n")]
    [InlineData("../0123456789abcdef0123456789abcdef.png")]
    [InlineData("sub/0123456789abcdef0123456789abcdef.png")]
    [InlineData(".0123456789abcdef0123456789abcdef.png.tmp")]
    public void OpenReadAndDelete_NameTheServerCouldNotHaveChosen_AreRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => store.OpenRead(name));
        Assert.Throws<ArgumentException>(() => store.Delete(name));
    }

    [Fact]
    public async Task Delete_TwiceOrBeforeAnythingWasStored_IsQuiet()
    {
        store.Delete("0123456789abcdef0123456789abcdef.png");
        var name = await store.SaveAsync(new byte[] { 1 }, ".png", CancellationToken.None);

        store.Delete(name);
        store.Delete(name);

        Assert.Throws<FileNotFoundException>(() => store.OpenRead(name));
    }
}
