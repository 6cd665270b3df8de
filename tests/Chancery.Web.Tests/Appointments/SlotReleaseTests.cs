using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Appointments;

// The jobs as the app registers them: no-shows once the appointment is long over, and the progressive
// release of a service scheduled then run when its instant comes, on the app's clock.
public abstract class SlotReleaseTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task MarkNoShows_AfterTheClockPassesTheAppointmentAndTheGrace_MarksOnlyThatBooking()
    {
        var (_, service) = await CalendarPageData.ServiceAsync(App);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var missed = await CalendarPageData.BookAtAsync(App, service, now.AddHours(1), "NS100001");
        var later = await CalendarPageData.BookAtAsync(App, service, now.AddHours(5), "NS100002");

        Assert.Equal(0, await RunAsync<MarkNoShows, int>((job, ct) => job.ExecuteAsync(ct)));
        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(20) + MarkNoShows.Grace - TimeSpan.FromMinutes(1));
        await RunAsync<MarkNoShows, int>((job, ct) => job.ExecuteAsync(ct));
        Assert.Equal(BookingState.Confirmed, await StateAsync(missed.Id));

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunAsync<MarkNoShows, int>((job, ct) => job.ExecuteAsync(ct));

        Assert.Equal(BookingState.NoShow, await StateAsync(missed.Id));
        Assert.Equal(BookingState.Confirmed, await StateAsync(later.Id));
        Assert.Null(await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == missed.Id).Select(b => b.ActiveSlotId).SingleAsync()));
    }

    [Fact]
    public async Task ReleaseSlots_ScheduledThenDue_PublishesABatchOnTheAppsClock()
    {
        var (_, service) = await CalendarPageData.ServiceAsync(App);

        await RunAsync<ReleaseSlots, int>((job, ct) => job.ExecuteAsync(ct));
        var next = await App.WithDbAsync(db => db.AppointmentServices.Where(s => s.Id == service.Id).Select(s => s.NextReleaseAt).SingleAsync());
        Assert.NotNull(next);
        Assert.Equal(0, await ReleasedAsync(service.Id));

        App.Clock.SetUtcNow(next.Value);
        await RunAsync<ReleaseSlots, int>((job, ct) => job.ExecuteAsync(ct));

        Assert.InRange(await ReleasedAsync(service.Id), service.BatchMin, service.BatchMax);
    }

    private Task<TResult> RunAsync<TJob, TResult>(Func<TJob, CancellationToken, Task<TResult>> run)
        where TJob : notnull =>
        App.WithServicesAsync(sp => run(sp.GetRequiredService<TJob>(), CancellationToken.None));

    private Task<BookingState> StateAsync(Guid id) => App.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.State).SingleAsync());

    private Task<int> ReleasedAsync(int serviceId) => App.WithDbAsync(db => db.Slots.CountAsync(s => s.ServiceId == serviceId && s.State == SlotState.Released));
}

public sealed class SlotReleaseTestsSqlite(SqliteAppFixture fixture) : SlotReleaseTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class SlotReleaseTestsPostgres(PostgresAppFixture fixture) : SlotReleaseTests(fixture), IClassFixture<PostgresAppFixture>;
