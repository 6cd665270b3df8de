using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Chancery.Core.Tests.Appointments;

// Progressive release on each database: batches of random size at random, the next batch drawn inside the
// windows, one batch per due time even with two instances, and a slot given back waiting for a later batch.
public abstract class ReleaseSlotsTests(AppFixture fixture)
{
    private static readonly DateTime Now = new(2027, 3, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Release_NeverScheduled_OnlyDrawsTheFirstReleaseInsideAWindow()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await GeneratedAsync(clock);
        await using var db = App.Database.NewContext();

        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);

        Assert.Equal(0, await ReleasedCountAsync(service.Id));
        var next = await NextReleaseAtAsync(service.Id);
        AssertInsideWindows(next, Now);
    }

    [Fact]
    public async Task Release_WhenDue_PublishesARandomBatchWithinBoundsAndDrawsTheNextInstant()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await GeneratedAsync(clock, batchMin: 4, batchMax: 9);
        await SetNextReleaseAsync(service.Id, Now.AddSeconds(-1));
        await using var db = App.Database.NewContext();

        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);

        var released = await db.Slots.AsNoTracking().Where(s => s.ServiceId == service.Id && s.State == SlotState.Released).ToListAsync();
        Assert.InRange(released.Count, 4, 9);
        Assert.All(released, s => Assert.Equal(Now, s.ReleasedAt));
        Assert.All(released, s => Assert.True(s.StartsAt > Now));
        AssertInsideWindows(await NextReleaseAtAsync(service.Id), Now);

        // Not yet due again: nothing more.
        clock.Advance(TimeSpan.FromMinutes(5));
        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);
        Assert.Equal(released.Count, await ReleasedCountAsync(service.Id));
    }

    [Fact]
    public async Task Release_BatchSizesAndChosenSlots_AreRandom()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await GeneratedAsync(clock, batchMin: 1, batchMax: 6);
        await using var db = App.Database.NewContext();
        var sizes = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var before = await ReleasedCountAsync(service.Id);
            await SetNextReleaseAsync(service.Id, clock.GetUtcNow().UtcDateTime);
            await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);
            sizes.Add(await ReleasedCountAsync(service.Id) - before);
        }

        Assert.All(sizes, s => Assert.InRange(s, 1, 6));
        Assert.True(sizes.Distinct().Count() >= 2, "batch sizes " + string.Join(",", sizes));
        // Drawn from the whole pool of 144 slots, not taken from the front: not the earliest ones, over several days.
        var pool = await db.Slots.AsNoTracking().Where(s => s.ServiceId == service.Id).OrderBy(s => s.StartsAt).ThenBy(s => s.Counter).Select(s => new { s.Id, s.State, s.StartsAt }).ToListAsync();
        var releasedIds = pool.Where(s => s.State == SlotState.Released).Select(s => s.Id).ToHashSet();
        Assert.NotEqual(pool.Take(releasedIds.Count).Select(s => s.Id).ToHashSet(), releasedIds);
        Assert.True(pool.Where(s => releasedIds.Contains(s.Id)).Select(s => s.StartsAt.Date).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task Release_TwoInstancesAtOnce_ReleaseOneBatch()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await GeneratedAsync(clock, batchMin: 7, batchMax: 7);
        await SetNextReleaseAsync(service.Id, Now.AddSeconds(-1));
        await using var first = App.Database.NewContext();
        await using var second = App.Database.NewContext();

        var counts = await Task.WhenAll(
            new ReleaseSlots(first, clock).ExecuteAsync(CancellationToken.None),
            new ReleaseSlots(second, clock).ExecuteAsync(CancellationToken.None));

        Assert.Equal(7, await ReleasedCountAsync(service.Id));
        Assert.Contains(0, counts);
    }

    [Fact]
    public async Task Release_ACancelledSlotBackInThePool_WaitsForTheNextBatch()
    {
        var clock = new FakeTimeProvider(Now);
        var service = await GeneratedAsync(clock, batchMin: 200, batchMax: 200);
        await SetNextReleaseAsync(service.Id, Now.AddSeconds(-1));
        await using var db = App.Database.NewContext();
        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);
        var slot = await db.Slots.Where(s => s.ServiceId == service.Id && s.State == SlotState.Released).OrderBy(s => s.Id).FirstAsync();
        var booking = await CalendarData.BookAsync(db, service, slot, Now);

        // Cancelled: the booking ends and its slot goes back to the pool, not to whoever polls fastest.
        clock.Advance(TimeSpan.FromMinutes(1));
        booking.End(BookingState.Cancelled, clock.GetUtcNow().UtcDateTime);
        slot.State = SlotState.Pool;
        await db.SaveChangesAsync();
        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);

        Assert.Equal(SlotState.Pool, await StateAsync(slot.Id));

        var next = await NextReleaseAtAsync(service.Id);
        clock.SetUtcNow(next!.Value);
        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);

        Assert.Equal(SlotState.Released, await StateAsync(slot.Id));
    }

    [Fact]
    public async Task ReleaseNow_PublishesTheCountAsked_AndLeavesBallotServicesAlone()
    {
        var clock = new FakeTimeProvider(Now);
        var progressive = await GeneratedAsync(clock);
        var balloted = await GeneratedAsync(clock, release: ReleaseMode.Ballot);
        await SetNextReleaseAsync(balloted.Id, Now.AddSeconds(-1));
        await using var db = App.Database.NewContext();

        var now = await new ReleaseSlots(db, clock).ReleaseNowAsync(progressive.Id, 12, CancellationToken.None);
        await new ReleaseSlots(db, clock).ExecuteAsync(CancellationToken.None);

        Assert.Equal(12, now);
        Assert.Equal(12, await ReleasedCountAsync(progressive.Id));
        Assert.Equal(0, await ReleasedCountAsync(balloted.Id));
    }

    private static void AssertInsideWindows(DateTime? next, DateTime after)
    {
        Assert.NotNull(next);
        Assert.True(next >= after + ReleaseWindows.MinimumGap);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(next.Value, Paris));
        Assert.True(local is { Hour: >= 8 and < 12 } or { Hour: >= 14 and < 18 }, $"{local} is outside 08:00-12:00,14:00-18:00");
    }

    private async Task<AppointmentService> GeneratedAsync(FakeTimeProvider clock, int batchMin = 5, int batchMax = 20, ReleaseMode release = ReleaseMode.Progressive)
    {
        var service = await CalendarData.ServiceAsync(App, horizonDays: 20, release: release, batchMin: batchMin, batchMax: batchMax);
        await using var db = App.Database.NewContext();
        await new GenerateSlots(db, clock).ExecuteAsync(service.Id, CancellationToken.None);
        return service;
    }

    private Task<int> ReleasedCountAsync(int serviceId) =>
        App.WithDbAsync(db => db.Slots.CountAsync(s => s.ServiceId == serviceId && s.State == SlotState.Released));

    private Task<SlotState> StateAsync(long slotId) => App.WithDbAsync(db => db.Slots.Where(s => s.Id == slotId).Select(s => s.State).SingleAsync());

    private Task<DateTime?> NextReleaseAtAsync(int serviceId) =>
        App.WithDbAsync(db => db.AppointmentServices.Where(s => s.Id == serviceId).Select(s => s.NextReleaseAt).SingleAsync());

    private Task<int> SetNextReleaseAsync(int serviceId, DateTime at) =>
        App.WithDbAsync(db => db.AppointmentServices.Where(s => s.Id == serviceId).ExecuteUpdateAsync(u => u.SetProperty(s => s.NextReleaseAt, at)));
}

public sealed class ReleaseSlotsTestsSqlite(SqliteAppFixture fixture) : ReleaseSlotsTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class ReleaseSlotsTestsPostgres(PostgresAppFixture fixture) : ReleaseSlotsTests(fixture), IClassFixture<PostgresAppFixture>;
