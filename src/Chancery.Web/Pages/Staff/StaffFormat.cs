using System.Globalization;

namespace Chancery.Web.Pages.Staff;

// How the back office writes instants and dates: ISO order, stored UTC said as such, the same in both languages.
public static class StaffFormat
{
    public static string When(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string When(DateTime? utc) => utc is { } at ? When(at) : "";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "";

    // A screening score (0 to 1) as people read it: 0.8734 is "87 %" in French, "87%" in English.
    public static string Percent(double score) => score.ToString("P0", CultureInfo.CurrentCulture);
}
