using System.Security.Cryptography;
using Chancery.Core.Applications.Uploads;

namespace Chancery.Core.Tests.Applications;

public sealed class UploadStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "chancery-uploads-" + RandomNumberGenerator.GetHexString(12, lowercase: true), "uploads");
    private readonly UploadStore store;

    public UploadStoreTests() => store = new UploadStore(Microsoft.Extensions.Options.Options.Create(new UploadOptions { Directory = directory }));

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(directory)!;
        if (Directory.Exists(parent))
            Directory.Delete(parent, recursive: true);
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
