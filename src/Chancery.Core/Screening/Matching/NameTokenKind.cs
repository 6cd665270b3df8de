namespace Chancery.Core.Screening.Matching;

/// <summary>What a name part is, which decides how much it weighs in a comparison.</summary>
public enum NameTokenKind
{
    /// <summary>A given name, family name or patronymic.</summary>
    Name,

    /// <summary>A particle (al, bin, van, de…): optional, light.</summary>
    Particle,

    /// <summary>A title or honorific (Dr, Shaykh, Haji): ignored.</summary>
    Title,

    /// <summary>A single letter.</summary>
    Initial,
}
