namespace Chancery.Core.Screening.Matching;

/// <summary>Why two name parts were taken to be the same.</summary>
public enum MatchRule
{
    /// <summary>Same letters once case is ignored.</summary>
    Exact,

    /// <summary>Same letters once diacritics and ligatures are transliterated (Doc 9303).</summary>
    Diacritics,

    /// <summary>One side was written in Cyrillic or Arabic script.</summary>
    OriginalScript,

    /// <summary>Different romanisations of the same sounds (Ivanov/Iwanow, Abdel/Abdul).</summary>
    Transliteration,

    /// <summary>Same phonetic key (consonant skeleton).</summary>
    Phonetic,

    /// <summary>Small spelling difference (edit distance, Jaro-Winkler).</summary>
    Typo,

    /// <summary>An initial matched the first letter of a name part.</summary>
    Initial,

    /// <summary>A particle written joined to the name (Alqaida/Al Qaida).</summary>
    ParticleAttached,

    /// <summary>Two parts on one side written as one on the other (Abu Bakr/Abubakr).</summary>
    Merged,
}
