using System.Text.Json;
using Chancery.TestCommon;

namespace Chancery.Core.Tests.Documents.Mrz;

// The shared vectors (../shared/data/mrz-vectors.json).
internal static class MrzVectors
{
    private static readonly Lazy<JsonElement[]> All = new(Load);

    public static IReadOnlyList<JsonElement> Items => All.Value;

    public static IEnumerable<object[]> Indices() => Enumerable.Range(0, All.Value.Length).Select(i => new object[] { i });

    private static JsonElement[] Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("mrz-vectors.json")));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
