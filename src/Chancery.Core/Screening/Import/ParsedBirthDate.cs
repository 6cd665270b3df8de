using System.Globalization;

namespace Chancery.Core.Screening.Import;

/// <summary>
/// A birth date as precise as the source gives it: a day, a month, a year, an approximate year
/// ("circa 1960") or a range of years ("1955 to 1960", UN BETWEEN). Written as
/// <c>1960-01-12</c>, <c>1960-01</c>, <c>1960</c>, <c>~1960</c> or <c>1955..1960</c>.
/// </summary>
public sealed record ParsedBirthDate
{
    private ParsedBirthDate(int fromYear, int toYear, int? month, int? day, bool approximate)
    {
        FromYear = fromYear;
        ToYear = toYear;
        Month = month;
        Day = day;
        Approximate = approximate;
    }

    public int FromYear { get; }

    /// <summary>Equal to <see cref="FromYear"/> unless the source gives a range.</summary>
    public int ToYear { get; }

    public int? Month { get; }

    public int? Day { get; }

    public bool Approximate { get; }

    public bool IsRange => ToYear != FromYear;

    public static ParsedBirthDate Exact(int year, int? month = null, int? day = null)
    {
        if (year is < 1000 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year));
        if (day is not null && month is null)
            throw new ArgumentException("A day needs a month.", nameof(day));
        if (month is not null && (month < 1 || month > 12))
            throw new ArgumentOutOfRangeException(nameof(month));
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
            throw new ArgumentOutOfRangeException(nameof(day));
        return new ParsedBirthDate(year, year, month, day, approximate: false);
    }

    public static ParsedBirthDate Circa(int year)
    {
        if (year is < 1000 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year));
        return new ParsedBirthDate(year, year, null, null, approximate: true);
    }

    public static ParsedBirthDate Between(int fromYear, int toYear)
    {
        if (fromYear is < 1000 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(fromYear));
        if (toYear < fromYear || toYear > 9999)
            throw new ArgumentOutOfRangeException(nameof(toYear));
        return new ParsedBirthDate(fromYear, toYear, null, null, approximate: false);
    }

    /// <summary>Reads the written forms above; false for anything else.</summary>
    public static bool TryParse(string text, out ParsedBirthDate? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = null;
        var s = text.Trim();
        try
        {
            if (s.StartsWith('~'))
            {
                if (!TryYear(s[1..], out var y))
                    return false;
                date = Circa(y);
                return true;
            }

            var range = s.IndexOf("..", StringComparison.Ordinal);
            if (range >= 0)
            {
                if (!TryYear(s[..range], out var from) || !TryYear(s[(range + 2)..], out var to) || to < from)
                    return false;
                date = Between(from, to);
                return true;
            }

            var parts = s.Split('-');
            if (parts.Length > 3 || !TryYear(parts[0], out var year))
                return false;
            int? month = null, day = null;
            if (parts.Length >= 2)
            {
                if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                    return false;
                month = m;
            }

            if (parts.Length == 3)
            {
                if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                    return false;
                day = d;
            }

            date = Exact(year, month, day);
            return true;
        }
        catch (ArgumentException)
        {
            date = null;
            return false;
        }
    }

    public override string ToString()
    {
        if (IsRange)
            return string.Create(CultureInfo.InvariantCulture, $"{FromYear:D4}..{ToYear:D4}");
        if (Approximate)
            return string.Create(CultureInfo.InvariantCulture, $"~{FromYear:D4}");
        if (Day is not null)
            return string.Create(CultureInfo.InvariantCulture, $"{FromYear:D4}-{Month:D2}-{Day:D2}");
        if (Month is not null)
            return string.Create(CultureInfo.InvariantCulture, $"{FromYear:D4}-{Month:D2}");
        return FromYear.ToString("D4", CultureInfo.InvariantCulture);
    }

    private static bool TryYear(string s, out int year) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year) && s.Length == 4;
}
