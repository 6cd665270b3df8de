using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Chancery.Web.Localization;

// The interface texts in French and English, read from the embedded texts.fr.json / texts.en.json files
// (Localization/ and, for a feature that keeps its texts beside its pages, any folder of the project).
// Views get it as T: @T["home.title"], @T["cases.count", count]. The language is the current UI culture
// chosen by request localization; a text missing in English falls back to French.
public sealed class Texts
{
    public const string French = "fr";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Languages = [French, English];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public Texts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byLanguage)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        _byLanguage = byLanguage.ToFrozenDictionary(
            l => l.Key, l => l.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        if (!_byLanguage.ContainsKey(French))
            throw new InvalidOperationException("No French texts were found (texts.fr.json).");
    }

    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : French;

    public string this[string key] => Get(key, CurrentLanguage);

    public string this[string key, params object?[] args] =>
        string.Format(CultureInfo.CurrentCulture, Get(key, CurrentLanguage), args);

    // Else the French text, else the key itself, so that a gap shows on the page instead of an empty space.
    public string Get(string key, string language)
    {
        if (_byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text))
            return text;
        return _byLanguage[French].TryGetValue(key, out var french) ? french : key;
    }

    public bool Contains(string key) => _byLanguage[French].ContainsKey(key);

    public IReadOnlyDictionary<string, string> All(string language) =>
        _byLanguage.TryGetValue(language, out var texts) ? texts : FrozenDictionary<string, string>.Empty;

    // A key defined twice for one language (in two files) is an error: one key, one text.
    public static Texts FromEmbeddedResources(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var byLanguage = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            var suffix = $"texts.{language}.json";
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)
                    ?? throw new InvalidOperationException($"Resource {name} cannot be read.");
                var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidOperationException($"{name} is empty.");
                foreach (var (key, text) in file)
                {
                    if (!texts.TryAdd(key, text))
                        throw new InvalidOperationException($"The text key \"{key}\" is defined twice for \"{language}\" (again in {name}).");
                }
            }
            byLanguage[language] = texts;
        }
        return new Texts(byLanguage);
    }
}
