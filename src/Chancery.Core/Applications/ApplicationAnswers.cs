using System.Text.Json;

namespace Chancery.Core.Applications;

/// <summary>The answers given so far, by field name; values are kept as the normalised text.</summary>
public sealed class ApplicationAnswers
{
    private readonly Dictionary<string, string> values;

    public ApplicationAnswers() => values = new(StringComparer.Ordinal);

    public ApplicationAnswers(IEnumerable<KeyValuePair<string, string>> answers)
        : this()
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var (name, value) in answers)
        {
            if (!string.IsNullOrWhiteSpace(value))
                values[name] = value;
        }
    }

    public IReadOnlyDictionary<string, string> Values => values;

    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    public bool Is(string name, string value) => string.Equals(this[name], value, StringComparison.Ordinal);

    public void Set(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            values.Remove(name);
        else
            values[name] = value;
    }

    public ApplicationAnswers Copy() => new(values);

    public string ToJson() => JsonSerializer.Serialize(new SortedDictionary<string, string>(values, StringComparer.Ordinal));

    public static ApplicationAnswers FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new() : new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);
}
