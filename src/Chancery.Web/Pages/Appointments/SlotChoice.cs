using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Appointments;

/// <summary>The released slots of a service, by day in the post's time zone, for the booking and moving pages.</summary>
internal sealed record SlotChoice(string PostName, ServiceKind? Kind, IReadOnlyList<SlotChoice.Day> Days)
{
    public static readonly SlotChoice Empty = new("", null, []);

    public sealed record Option(long Id, string Time);

    public sealed record Day(string Label, IReadOnlyList<Option> Options);

    public static async Task<SlotChoice> LoadAsync(ChanceryDb db, int serviceId, DateTime now, int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var service = await (from s in db.AppointmentServices.AsNoTracking()
                             join p in db.Posts on s.PostId equals p.Id
                             where s.Id == serviceId
                             select new { s.Kind, p.Name, p.TimeZone }).SingleAsync(ct);
        var slots = await db.Slots.AsNoTracking()
            .Where(s => s.ServiceId == serviceId && s.State == SlotState.Released && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Counter)
            .Select(s => new { s.Id, s.StartsAt })
            .Take(max)
            .ToListAsync(ct);
        // One choice per time: several counters at the same time are the same appointment to the person.
        var days = slots
            .GroupBy(s => s.StartsAt).Select(g => g.First())
            .Select(s => (s.Id, Local: AppointmentTimes.Local(s.StartsAt, service.TimeZone)))
            .GroupBy(s => s.Local.Date)
            .Select(g => new Day(AppointmentTimes.Day(g.Key), g.Select(s => new Option(s.Id, AppointmentTimes.Time(s.Local))).ToList()))
            .ToList();
        return new SlotChoice(service.Name, service.Kind, days);
    }
}
