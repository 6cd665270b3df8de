using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Makes the slots of the active services match their calendars over the horizon, in the post's time zone:
/// one slot per counter every <see cref="AppointmentService.DurationMinutes"/> inside each opening period,
/// none on closed days. Inserts what is missing (a duplicate inserted by another instance at the same time is
/// ignored by the unique index), withdraws unbooked slots the calendar no longer has, puts back withdrawn
/// ones it has again. Idempotent; safe with two instances.
/// </summary>
public sealed class GenerateSlots(ChanceryDb db, TimeProvider clock)
{
    private const int RowsPerInsert = 200;

    /// <summary>Every active service, or only <paramref name="serviceId"/> (after its calendar was edited).</summary>
    public async Task<SlotGenerationReport> ExecuteAsync(int? serviceId, CancellationToken ct)
    {
        var services = await db.AppointmentServices.AsNoTracking().Include(s => s.Hours)
            .Where(s => s.Active && (serviceId == null || s.Id == serviceId))
            .OrderBy(s => s.Id).ToListAsync(ct);
        var zones = await db.Posts.AsNoTracking().Select(p => new { p.Id, p.TimeZone }).ToDictionaryAsync(p => p.Id, p => p.TimeZone, ct);
        var total = new SlotGenerationReport(0, 0, 0, 0);
        foreach (var service in services)
        {
            var report = await GenerateAsync(service, ReleaseWindows.Zone(zones[service.PostId]), ct);
            total = new SlotGenerationReport(
                total.Created + report.Created, total.Withdrawn + report.Withdrawn, total.Restored + report.Restored, total.BookedOutside + report.BookedOutside);
        }

        return total;
    }

    /// <summary>The UTC start of every slot the calendar has from <paramref name="nowUtc"/> to the end of the horizon, with the horizon's end.</summary>
    public static (HashSet<(DateTime StartsAt, int Counter)> Slots, DateTime EndUtc) Calendar(
        AppointmentService service, TimeZoneInfo zone, IReadOnlySet<DateOnly> closedDays, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(closedDays);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var last = today.AddDays(service.HorizonDays);
        var endUtc = ReleaseWindows.ToUtc(last.ToDateTime(TimeOnly.MinValue), zone);
        var slots = new HashSet<(DateTime, int)>();
        var duration = TimeSpan.FromMinutes(Math.Max(1, service.DurationMinutes));
        for (var day = today; day < last; day = day.AddDays(1))
        {
            if (closedDays.Contains(day))
                continue;
            foreach (var period in service.Hours.Where(h => h.Day == day.DayOfWeek))
            {
                for (var start = day.ToDateTime(period.Opens); start + duration <= day.ToDateTime(period.Closes); start += duration)
                {
                    var utc = ReleaseWindows.ToUtc(start, zone);
                    if (utc <= nowUtc)
                        continue;
                    for (var counter = 1; counter <= service.Counters; counter++)
                        slots.Add((utc, counter));
                }
            }
        }

        return (slots, endUtc);
    }

    private async Task<SlotGenerationReport> GenerateAsync(AppointmentService service, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var serviceId = service.Id;
        var postId = service.PostId;
        var from = DateOnly.FromDateTime(now).AddDays(-1);
        var closed = (await db.ClosedDays.AsNoTracking().Where(d => d.PostId == postId && d.Date >= from).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var (wanted, endUtc) = Calendar(service, zone, closed, now);

        var existing = await db.Slots.AsNoTracking()
            .Where(s => s.ServiceId == serviceId && s.StartsAt > now && s.StartsAt < endUtc)
            .Select(s => new { s.Id, s.StartsAt, s.Counter, s.State })
            .ToListAsync(ct);
        var have = existing.Select(s => (s.StartsAt, s.Counter)).ToHashSet();
        var missing = wanted.Where(w => !have.Contains(w)).OrderBy(w => w.StartsAt).ThenBy(w => w.Counter).ToList();
        var created = 0;
        foreach (var chunk in missing.Chunk(RowsPerInsert))
            created += await InsertIgnoringDuplicatesAsync(serviceId, postId, chunk, ct);

        var gone = existing.Where(s => !wanted.Contains((s.StartsAt, s.Counter))).ToList();
        var withdrawIds = gone.Where(s => s.State is SlotState.Pool or SlotState.Released).Select(s => s.Id).ToList();
        var withdrawn = withdrawIds.Count == 0 ? 0 : await db.Slots
            .Where(s => withdrawIds.Contains(s.Id) && (s.State == SlotState.Pool || s.State == SlotState.Released))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Withdrawn), ct);
        var restoreIds = existing.Where(s => s.State == SlotState.Withdrawn && wanted.Contains((s.StartsAt, s.Counter))).Select(s => s.Id).ToList();
        var restored = restoreIds.Count == 0 ? 0 : await db.Slots
            .Where(s => restoreIds.Contains(s.Id) && s.State == SlotState.Withdrawn)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Pool).SetProperty(s => s.ReleasedAt, (DateTime?)null), ct);
        return new SlotGenerationReport(created, withdrawn, restored, gone.Count(s => s.State == SlotState.Booked));
    }

    // One statement per chunk; ON CONFLICT DO NOTHING (PostgreSQL, and SQLite since 3.24) lets a second
    // instance inserting the same slots at the same time lose quietly to the unique (service, start, counter) index.
    private async Task<int> InsertIgnoringDuplicatesAsync(int serviceId, int postId, (DateTime StartsAt, int Counter)[] rows, CancellationToken ct)
    {
        var values = new List<string>(rows.Length);
        var parameters = new object[rows.Length * 4];
        for (var i = 0; i < rows.Length; i++)
        {
            values.Add($"({{{i * 4}}}, {{{(i * 4) + 1}}}, {{{(i * 4) + 2}}}, {{{(i * 4) + 3}}}, 'Pool')");
            parameters[i * 4] = serviceId;
            parameters[(i * 4) + 1] = postId;
            parameters[(i * 4) + 2] = DateTime.SpecifyKind(rows[i].StartsAt, DateTimeKind.Utc);
            parameters[(i * 4) + 3] = rows[i].Counter;
        }

        var sql = "INSERT INTO \"Slots\" (\"ServiceId\", \"PostId\", \"StartsAt\", \"Counter\", \"State\") VALUES "
            + string.Join(", ", values) + " ON CONFLICT DO NOTHING";
#pragma warning disable EF1002 // The text holds only placeholders; every value goes in a parameter.
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
#pragma warning restore EF1002
    }
}
