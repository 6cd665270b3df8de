namespace Chancery.Core.Screening.Matching;

/// <summary>A full or partial birth date as watchlists give them: a year, a year and month, or a day.</summary>
public readonly record struct BirthDate(int Year, int? Month = null, int? Day = null)
{
    public bool IsFull => Month is not null && Day is not null;
}
