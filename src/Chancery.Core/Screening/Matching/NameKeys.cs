namespace Chancery.Core.Screening.Matching;

/// <summary>The keys of a name that candidate generation in an index works from.</summary>
public static class NameKeys
{
    public static IReadOnlyList<NameTokenKeys> For(string name) => For(PreparedName.Of(name));

    public static IReadOnlyList<NameTokenKeys> For(PreparedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var keys = new NameTokenKeys[name.Tokens.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var token = name.Tokens[i];
            keys[i] = new NameTokenKeys(token.Text, token.Folded, token.PhoneticKey, Trigrams(token.Folded), token.Kind);
        }

        return keys;
    }

    public static IReadOnlyList<string> Trigrams(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var padded = $"_{folded}_";
        if (padded.Length < 3)
        {
            return [padded];
        }

        var grams = new string[padded.Length - 2];
        for (var i = 0; i < grams.Length; i++)
        {
            grams[i] = padded.Substring(i, 3);
        }

        return grams;
    }
}
