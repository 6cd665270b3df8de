using System.Globalization;
using Chancery.Web.Localization;

namespace Chancery.Web.Pages.Appointments;

/// <summary>Slot times as people read them: in the post's own time zone, in the page's language.</summary>
internal static class AppointmentTimes
{
    public static DateTime Local(DateTime utc, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
    }

    public static CultureInfo Culture => CultureInfo.GetCultureInfo(Texts.CurrentLanguage == Texts.English ? "en-GB" : "fr-FR");

    public static string Day(DateTime local) => local.ToString(Texts.CurrentLanguage == Texts.English ? "dddd d MMMM yyyy" : "dddd d MMMM yyyy", Culture);

    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DayAndTime(DateTime local) => $"{Day(local)}, {Time(local)}";
}
