namespace Chancery.TestCommon;

/// <summary>
/// The real test data in ../shared/data (MRZ specimens, published watchlists). The repository is
/// checked out next to shared/, so files are found by walking up from the test binaries.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The full path of a file under shared/data, e.g. <c>watchlists/un-consolidated-2018.xml</c>.</summary>
    public static string PathOf(string relative)
    {
        var path = Path.Combine(Root.Value, relative);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"No {relative} in {Root.Value}.", path);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException($"No shared/data in any directory above {AppContext.BaseDirectory}.");
    }
}
