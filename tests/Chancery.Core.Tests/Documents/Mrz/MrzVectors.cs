using System.Text.Json;

namespace Chancery.Core.Tests.Documents.Mrz;

// The shared vectors (/work/shared/data/mrz-vectors.json): the repository is checked out next to
// shared/, so the file is found by walking up from the test binaries.
internal static class MrzVectors
{
    private const string RelativePath = "shared/data/mrz-vectors.json";

    private static readonly Lazy<JsonElement[]> All = new(Load);

    public static IReadOnlyList<JsonElement> Items => All.Value;

    public static IEnumerable<object[]> Indices() => Enumerable.Range(0, All.Value.Length).Select(i => new object[] { i });

    private static JsonElement[] Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(candidate));
                return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
            }
        }

        throw new FileNotFoundException($"No {RelativePath} in any directory above {AppContext.BaseDirectory}.");
    }
}
