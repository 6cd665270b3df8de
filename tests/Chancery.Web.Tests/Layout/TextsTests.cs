using System.Globalization;
using System.Text.RegularExpressions;
using Chancery.Web.Localization;

namespace Chancery.Web.Tests.Layout;

public sealed partial class TextsTests
{
    private static readonly Texts Texts = Texts.FromEmbeddedResources(typeof(Texts).Assembly);

    [Fact]
    public void Texts_EveryKey_IsInBothLanguages()
    {
        var french = Texts.All(Texts.French).Keys.ToHashSet(StringComparer.Ordinal);
        var english = Texts.All(Texts.English).Keys.ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(french);
        Assert.Empty(french.Except(english).Order(StringComparer.Ordinal));
        Assert.Empty(english.Except(french).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Texts_EveryText_IsFilledAndHasTheSamePlaceholdersInBothLanguages()
    {
        foreach (var (key, french) in Texts.All(Texts.French))
        {
            var english = Texts.Get(key, Texts.English);
            Assert.False(string.IsNullOrWhiteSpace(french), key);
            Assert.False(string.IsNullOrWhiteSpace(english), key);
            Assert.True(Placeholders(french).SetEquals(Placeholders(english)), $"{key}: placeholders differ");
        }
    }

    [Fact]
    public void Texts_KeysUsedInViews_AllExist()
    {
        var pages = Path.Combine(SourceDirectory(), "src", "Chancery.Web", "Pages");
        var missing = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(pages, file), Key: m.Groups["key"].Value)))
            .Where(use => !Texts.Contains(use.Key))
            .Select(use => $"{use.File}: {use.Key}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Indexer_EnglishCulture_ReadsEnglishAndFormats()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            CultureInfo.CurrentCulture = new CultureInfo("en");
            Assert.Equal("Consular services", Texts["home.title"]);
            Assert.Equal("Error 404", Texts["status.code", 404]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Get_KeyMissingInEnglish_FallsBackToFrench()
    {
        var texts = new Texts(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Texts.French] = new Dictionary<string, string> { ["only.french"] = "Seulement en français" },
            [Texts.English] = new Dictionary<string, string>(),
        });

        Assert.Equal("Seulement en français", texts.Get("only.french", Texts.English));
        Assert.Equal("no.such.key", texts.Get("no.such.key", Texts.English));
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string SourceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chancery.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Chancery.slnx not found above the test output.");
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // T["some.key"] and T["some.key", args] written with a literal key.
    [GeneratedRegex("""\bT\["(?<key>[A-Za-z0-9_.]+)"[,\]]""")]
    private static partial Regex LiteralKey();
}
