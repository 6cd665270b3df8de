using System.Globalization;

namespace Chancery.Core.Applications;

/// <summary>Dates as people type them: <c>2026-03-14</c> (what a date input sends), or <c>14/03/2026</c>, <c>14.03.2026</c>, <c>14-03-2026</c>.</summary>
public static class Dates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "d-M-yyyy"];

    public static bool TryParseFull(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year >= 1850;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
