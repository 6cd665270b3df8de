using System.Globalization;
using System.Text.RegularExpressions;

namespace Chancery.Core.Common;

/// <summary>A date that may be known only to the year or the month, as birth dates often are.</summary>
public readonly partial record struct PartialDate(int Year, int? Month, int? Day)
{
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var m = Shape().Match(text.Trim());
        if (!m.Success)
            return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int? month = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        int? day = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null;
        if (year < 1850 || month is < 1 or > 12)
            return false;
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
            return false;
        date = new PartialDate(year, month, day);
        return true;
    }

    public bool IsComplete => Month is not null && Day is not null;

    /// <summary>The earliest day the date can stand for, to compare with other dates.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    public override string ToString() =>
        Day is not null ? $"{Year:D4}-{Month:D2}-{Day:D2}"
        : Month is not null ? $"{Year:D4}-{Month:D2}"
        : $"{Year:D4}";

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
