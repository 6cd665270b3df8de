using System.Security.Cryptography;
using Chancery.Core.Appointments;
using Chancery.Core.Data;
using Chancery.Core.Posts;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Chancery.Core.Tests.Appointments;

// Slot generation on each database, at a fixed day of a Paris post around the clocks going forward
// (Sunday 28 March 2027): opening hours 09:00-12:00, 30-minute appointments, two counters.
public abstract class GenerateSlotsTests(AppFixture fixture)
{
    // Wednesday 24 March 2027, 13:00 in Paris: today's morning is over.
    private static readonly DateTime Now = new(2027, 3, 24, 12, 0, 0, DateTimeKind.Utc);

    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Generate_FromHoursWithAClosedDayAcrossTheClockChange_MakesLocalSlotsInUtc()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await CalendarData.ServiceAsync(App, closed: [new DateOnly(2027, 3, 26)]);

        await using var db = App.Database.NewContext();
        var report = await new GenerateSlots(db, clock).ExecuteAsync(service.Id, CancellationToken.None);

        var slots = await db.Slots.Where(s => s.ServiceId == service.Id).ToListAsync();
        // Thu 25, (Fri 26 closed), Mon 29, Tue 30, Wed 31, Thu 1, Fri 2: 6 days × 6 times × 2 counters.
        Assert.Equal(72, report.Created);
        Assert.Equal(72, slots.Count);
        Assert.All(slots, s => Assert.Equal(SlotState.Pool, s.State));
        var days = slots.Select(s => DateOnly.FromDateTime(s.StartsAt)).Distinct().Order().ToList();
        Assert.Equal([new(2027, 3, 25), new(2027, 3, 29), new(2027, 3, 30), new(2027, 3, 31), new(2027, 4, 1), new(2027, 4, 2)], days);
        // 09:00 in Paris is 08:00 UTC before the change and 07:00 UTC after it.
        var thursday = slots.Where(s => s.StartsAt.Day == 25).Select(s => s.StartsAt.TimeOfDay).Distinct().Order().ToList();
        var monday = slots.Where(s => s.StartsAt.Day == 29).Select(s => s.StartsAt.TimeOfDay).Distinct().Order().ToList();
        Assert.Equal(Times(8, 0, 6), thursday);
        Assert.Equal(Times(7, 0, 6), monday);
        Assert.All(slots.GroupBy(s => s.StartsAt), g => Assert.Equal([1, 2], g.Select(s => s.Counter).Order()));

        // A second run has nothing to do.
        var again = await new GenerateSlots(db, clock).ExecuteAsync(service.Id, CancellationToken.None);
        Assert.Equal(new SlotGenerationReport(0, 0, 0, 0), again);
    }

    [Fact]
    public async Task Generate_TwoInstancesAtOnce_DoNotDuplicateASlot()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await CalendarData.ServiceAsync(App, horizonDays: 60);
        await using var first = App.Database.NewContext();
        await using var second = App.Database.NewContext();

        var reports = await Task.WhenAll(
            new GenerateSlots(first, clock).ExecuteAsync(service.Id, CancellationToken.None),
            new GenerateSlots(second, clock).ExecuteAsync(service.Id, CancellationToken.None));

        await using var db = App.Database.NewContext();
        var slots = await db.Slots.Where(s => s.ServiceId == service.Id).Select(s => new { s.StartsAt, s.Counter }).ToListAsync();
        Assert.Equal(slots.Count, slots.Distinct().Count());
        // 60 days from Wed 24 March: 42 weekdays after today, 6 times, 2 counters.
        Assert.Equal(42 * 6 * 2, slots.Count);
        Assert.Equal(slots.Count, reports.Sum(r => r.Created));
    }

    [Fact]
    public async Task Generate_AfterADayIsClosed_WithdrawsItsUnbookedSlotsAndListsTheBookedOne_AndPutsThemBackWhenItReopens()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await CalendarData.ServiceAsync(App);
        await using var db = App.Database.NewContext();
        await new GenerateSlots(db, clock).ExecuteAsync(service.Id, CancellationToken.None);
        var monday = await db.Slots.Where(s => s.ServiceId == service.Id).OrderBy(s => s.StartsAt).ThenBy(s => s.Counter)
            .Where(s => s.StartsAt >= new DateTime(2027, 3, 29, 0, 0, 0, DateTimeKind.Utc) && s.StartsAt < new DateTime(2027, 3, 30, 0, 0, 0, DateTimeKind.Utc))
            .ToListAsync();
        monday[0].State = SlotState.Released;
        await CalendarData.BookAsync(db, service, monday[1], clock.GetUtcNow().UtcDateTime);

        var (first, last) = (monday[0].StartsAt, monday[^1].StartsAt);
        var closed = new ClosedDay { PostId = service.PostId, Date = new DateOnly(2027, 3, 29), Reason = "Easter Monday" };
        db.ClosedDays.Add(closed);
        await db.SaveChangesAsync();
        var report = await new GenerateSlots(db, clock).ExecuteAsync(service.Id, CancellationToken.None);

        Assert.Equal(new SlotGenerationReport(0, 11, 0, 1), report);
        var states = await db.Slots.AsNoTracking().Where(s => s.ServiceId == service.Id && s.StartsAt >= first && s.StartsAt <= last)
            .ToDictionaryAsync(s => s.Id, s => s.State);
        Assert.Equal(SlotState.Booked, states[monday[1].Id]);
        Assert.Equal(11, states.Values.Count(s => s == SlotState.Withdrawn));

        db.ClosedDays.Remove(closed);
        await db.SaveChangesAsync();
        var reopened = await new GenerateSlots(db, clock).ExecuteAsync(service.Id, CancellationToken.None);

        Assert.Equal(new SlotGenerationReport(0, 0, 11, 0), reopened);
        Assert.Equal(11, await db.Slots.CountAsync(s => s.ServiceId == service.Id && s.State == SlotState.Pool && s.StartsAt >= first && s.StartsAt <= last));
    }

    [Fact]
    public async Task Generate_SkipsInactiveServicesAndSlotsAlreadyStarted()
    {
        // Thursday 25 March, 10:10 in Paris: 08:00 to 09:00 UTC slots have started.
        var clock = new FakeTimeProvider(new DateTime(2027, 3, 25, 9, 10, 0, DateTimeKind.Utc));
        var active = await CalendarData.ServiceAsync(App, horizonDays: 1);
        var inactive = await CalendarData.ServiceAsync(App, horizonDays: 1, active: false);
        await using var db = App.Database.NewContext();

        await new GenerateSlots(db, clock).ExecuteAsync(null, CancellationToken.None);

        var today = await db.Slots.Where(s => s.ServiceId == active.Id).Select(s => s.StartsAt).Distinct().OrderBy(s => s).ToListAsync();
        Assert.Equal([new(2027, 3, 25, 9, 30, 0, DateTimeKind.Utc), new(2027, 3, 25, 10, 0, 0, DateTimeKind.Utc), new(2027, 3, 25, 10, 30, 0, DateTimeKind.Utc)], today);
        Assert.False(await db.Slots.AnyAsync(s => s.ServiceId == inactive.Id));
    }

    private static List<TimeSpan> Times(int hour, int minute, int count) =>
        Enumerable.Range(0, count).Select(i => new TimeSpan(hour, minute, 0) + TimeSpan.FromMinutes(30 * i)).ToList();
}

public sealed class GenerateSlotsTestsSqlite(SqliteAppFixture fixture) : GenerateSlotsTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class GenerateSlotsTestsPostgres(PostgresAppFixture fixture) : GenerateSlotsTests(fixture), IClassFixture<PostgresAppFixture>;

/// <summary>A Paris post of its own with one service open Monday to Friday 09:00-12:00, for the calendar tests.</summary>
internal static class CalendarData
{
    public static async Task<AppointmentService> ServiceAsync(
        ChanceryApp app, int horizonDays = 10, bool active = true, IEnumerable<DateOnly>? closed = null,
        ReleaseMode release = ReleaseMode.Progressive, int batchMin = 5, int batchMax = 20)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.Database.NewContext();
        var code = "C" + RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTVWXYZ0123456789", 5);
        var post = new Post { Code = code, Name = "Calendar post " + code, Country = "FRA", TimeZone = "Europe/Paris", Languages = "fr" };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        var service = new AppointmentService
        {
            PostId = post.Id, Kind = ServiceKind.Passport, DurationMinutes = 30, Counters = 2, HorizonDays = horizonDays, Active = active,
            Release = release, BatchMin = batchMin, BatchMax = batchMax, ReleaseWindowsText = "08:00-12:00,14:00-18:00",
        };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            service.Hours.Add(new OpeningHours { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) });
        db.AppointmentServices.Add(service);
        foreach (var date in closed ?? [])
            db.ClosedDays.Add(new ClosedDay { PostId = post.Id, Date = date, Reason = "Holiday" });
        await db.SaveChangesAsync();
        return service;
    }

    /// <summary>A confirmed booking of the slot, inserted directly (the public booking flow has its own tests).</summary>
    public static async Task<Booking> BookAsync(ChanceryDb db, AppointmentService service, Slot slot, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(slot);
        var booking = new Booking
        {
            Reference = BookingReferences.New(), PostId = service.PostId, ServiceId = service.Id,
            DocumentNumber = "X" + RandomNumberGenerator.GetString("0123456789", 8), IssuingState = "FRA", Surname = "DUPONT",
            BirthDate = new DateOnly(1980, 1, 1), Email = "test@example.invalid", Language = "fr",
            ManageTokenHash = RandomNumberGenerator.GetHexString(64, lowercase: true), CreatedAt = now,
        };
        booking.Hold(slot, null);
        slot.State = SlotState.Booked;
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking;
    }
}
