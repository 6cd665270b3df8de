namespace Chancery.Core.Common;

/// <summary>A country, or one of the other codes a travel document may name as issuing state or nationality.</summary>
/// <param name="Alpha3">ISO 3166-1 alpha-3, or the Doc 9303 code ("GBD", "UNO", "XXA", "RKS").</param>
/// <param name="Alpha2">ISO 3166-1 alpha-2; "XK" for Kosovo; empty for the other codes, which have none.</param>
/// <param name="English">The short name in English.</param>
/// <param name="French">The short name in French, with its accents ("États-Unis").</param>
public sealed record Country(string Alpha3, string Alpha2, string English, string French)
{
    /// <summary>What the code stands for; <see cref="CountryKind.Iso"/> unless stated.</summary>
    public CountryKind Kind { get; init; } = CountryKind.Iso;

    /// <summary>True for the 249 ISO 3166-1 countries and territories.</summary>
    public bool IsIsoCountry => Kind == CountryKind.Iso;

    /// <summary>
    /// True for a place someone can be born in or live in: the ISO countries and Kosovo. Use it for a
    /// "country of birth" list; a "nationality" or "issuing state" list may show every code.
    /// </summary>
    public bool IsPlace => Kind is CountryKind.Iso or CountryKind.Territory;

    /// <summary>The name in French when <paramref name="french"/> is true, in English otherwise.</summary>
    public string Name(bool french) => french ? French : English;
}
