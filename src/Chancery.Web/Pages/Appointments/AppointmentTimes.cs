using System.Globalization;
using Chancery.Core.Appointments;
using Chancery.Web.Localization;

namespace Chancery.Web.Pages.Appointments;

/// <summary>Slot times as people read them: in the post's own time zone, in the page's language.</summary>
internal static class AppointmentTimes
{
    public static DateTime Local(DateTime utc, string timeZone) => BallotMails.Local(utc, timeZone);

    public static CultureInfo Culture => CultureInfo.GetCultureInfo(Texts.CurrentLanguage == Texts.English ? "en-GB" : "fr-FR");

    public static string Day(DateTime local) => local.ToString("dddd d MMMM yyyy", Culture);

    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DayAndTime(DateTime local) => $"{Day(local)}, {Time(local)}";
}
