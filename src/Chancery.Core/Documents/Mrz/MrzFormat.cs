namespace Chancery.Core.Documents.Mrz;

/// <summary>The machine readable zone layouts of ICAO Doc 9303.</summary>
public enum MrzFormat
{
    /// <summary>Identity card size: three lines of 30 characters (Doc 9303 Part 5).</summary>
    TD1,

    /// <summary>Two lines of 36 characters (Doc 9303 Part 6).</summary>
    TD2,

    /// <summary>Passport size: two lines of 44 characters (Doc 9303 Part 4).</summary>
    TD3,

    /// <summary>Full-page visa: two lines of 44 characters starting with V (Doc 9303 Part 7).</summary>
    MRVA,

    /// <summary>Small visa: two lines of 36 characters starting with V (Doc 9303 Part 7).</summary>
    MRVB,
}
