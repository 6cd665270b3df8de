namespace Chancery.Core.Screening.Matching;

/// <summary>
/// One normalised part of a name. <see cref="Text"/> is upper-case A–Z after Doc 9303
/// transliteration (Arabic script through Chancery's letter table); <see cref="Folded"/> folds
/// the spellings that romanisations disagree on (KH/CH/H, OU/U, W/V, Y/I, E/I, O/U, doubled
/// letters); <see cref="PhoneticKey"/> is the consonant skeleton of the folded form.
/// </summary>
public sealed class NameToken
{
    internal NameToken(string original, string text, NameTokenKind kind, bool fromNonLatinScript)
    {
        Original = original;
        Text = text;
        Kind = kind;
        FromNonLatinScript = fromNonLatinScript;
        Folded = NameFolding.Fold(text);
        PhoneticKey = NameFolding.Key(Folded);
    }

    /// <summary>The part as written (one or more source words).</summary>
    public string Original { get; }

    public string Text { get; }

    public string Folded { get; }

    public string PhoneticKey { get; }

    public NameTokenKind Kind { get; }

    /// <summary>The part was written in Cyrillic or Arabic script.</summary>
    public bool FromNonLatinScript { get; }

    internal bool Merged { get; init; }

    // True before the comma of "FAMILY, Given", false after it, null when the name has no comma.
    internal bool? IsFamily { get; init; }

    internal double Weight => Kind switch
    {
        NameTokenKind.Particle => 0.15,
        NameTokenKind.Title => 0.02,
        NameTokenKind.Initial => 0.6,
        _ => 1.0,
    };

    public override string ToString() => Text;
}
