using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Chancery.Core.Appointments;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Appointments;

// The staff calendar pages over HTTP: services, settings with their checks, opening hours, closed days,
// "release now", and who may open them.
public abstract class CalendarPagesTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Consul_AddsAServiceAndItsHours_SeesTheSlotsOfTheNextDays()
    {
        var post = await App.CreatePostAsync();
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var created = await session.PostFormAsync("/staff/rendez-vous", new Dictionary<string, string>
        {
            ["NewService.PostId"] = post.Id.ToString(CultureInfo.InvariantCulture), ["NewService.Kind"] = nameof(ServiceKind.BirthReport),
        }, "#create-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            var added = await session.PostFormAsync(url, new Dictionary<string, string> { ["Hours.Day"] = day, ["Hours.Opens"] = "00:00", ["Hours.Closes"] = "23:00" }, "#hours-form");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var (_, page) = await session.GetAsync(url);
        Assert.Equal(7, page.QuerySelectorAll("#hours-table tbody tr").Length);
        var rows = page.QuerySelectorAll("#calendar-table tbody tr");
        Assert.True(rows.Length >= 13, $"{rows.Length} days in the calendar");
        Assert.All(rows.Skip(1).Take(rows.Length - 2), r => Assert.Equal("69", r.Children[1].TextContent.Trim())); // 00:00 to 23:00 every 20 minutes, one counter
    }

    [Fact]
    public async Task Settings_BadReleaseWindows_RerenderWithTheMessageAndSaveNothing()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string>
        {
            ["Input.ReleaseWindows"] = "12:00-08:00", ["Input.DurationMinutes"] = "45",
        }, "#settings-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("HH:mm-HH:mm", Html.FieldError(page, "Input_ReleaseWindows"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#Input_ReleaseWindows']"));
        Assert.Equal(20, await App.WithDbAsync(db => db.AppointmentServices.Where(s => s.Id == service.Id).Select(s => s.DurationMinutes).SingleAsync()));

        var overlapping = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string>
        {
            ["Input.ReleaseWindows"] = "08:00-12:00,11:00-13:00",
        }, "#settings-form");
        Assert.Contains("overlap", Html.FieldError(await Html.ParseAsync(overlapping), "Input_ReleaseWindows"), StringComparison.Ordinal);

        var batches = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string>
        {
            ["Input.BatchMin"] = "10", ["Input.BatchMax"] = "5",
        }, "#settings-form");
        Assert.NotNull(Html.FieldError(await Html.ParseAsync(batches), "Input_BatchMax"));
    }

    [Fact]
    public async Task Settings_Valid_AreSavedInCanonicalForm()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var consul = await App.CreateStaffAsync(Role.Administrator, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string>
        {
            ["Input.ReleaseWindows"] = "14:00-18:00, 8:00-12:00", ["Input.DurationMinutes"] = "30", ["Input.Counters"] = "3",
            ["Input.Fee"] = "80.50", ["Input.Rescheduling"] = nameof(ReschedulePolicy.OneFreeReschedule),
        }, "#settings-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.WithDbAsync(db => db.AppointmentServices.AsNoTracking().SingleAsync(s => s.Id == service.Id));
        Assert.Equal(("08:00-12:00,14:00-18:00", 30, 3, 8050L, ReschedulePolicy.OneFreeReschedule),
            (saved.ReleaseWindowsText, saved.DurationMinutes, saved.Counters, saved.FeeMinor!.Value, saved.Rescheduling));
    }

    [Fact]
    public async Task Hours_ClosingBeforeOpening_RerenderWithTheMessage()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string>
        {
            ["Hours.Day"] = "Monday", ["Hours.Opens"] = "14:00", ["Hours.Closes"] = "09:00",
        }, "#hours-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("fermer après", Html.FieldError(page, "Hours_Closes"), StringComparison.Ordinal);
        Assert.Null(Html.FieldError(page, "Input_ReleaseWindows"));

        var overlap = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string>
        {
            ["Hours.Day"] = "Monday", ["Hours.Opens"] = "11:00", ["Hours.Closes"] = "13:00",
        }, "#hours-form");
        Assert.Contains("chevauche", Html.FieldError(await Html.ParseAsync(overlap), "Hours_Opens"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedDay_WithdrawsTheDaysSlots_AndListsTheBookingsToContact()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App, everyDay: true);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        var day = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var booking = await App.WithDbAsync(async db =>
        {
            var slot = await db.Slots.Where(s => s.ServiceId == service.Id && s.StartsAt >= dayStart.AddHours(10)).OrderBy(s => s.StartsAt).FirstAsync();
            return await CalendarPageData.BookAsync(db, service, slot, App.Clock.GetUtcNow().UtcDateTime, "AB123456", "MARTIN");
        });
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync($"/staff/rendez-vous/postes/{post.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Reason"] = "Fête nationale",
        }, "#closed-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await session.GetAsync($"/staff/rendez-vous/postes/{post.Id}/fermetures");
        Assert.Contains("Fête nationale", page.QuerySelector("#closed-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(booking.Reference, page.QuerySelector("#to-contact")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("MARTIN ••••456", page.QuerySelector("#to-contact")!.TextContent, StringComparison.Ordinal);
        var states = await App.WithDbAsync(db => db.Slots.Where(s => s.ServiceId == service.Id && s.StartsAt >= dayStart.AddHours(2) && s.StartsAt < dayStart.AddHours(22))
            .Select(s => s.State).ToListAsync());
        Assert.Equal(SlotState.Booked, Assert.Single(states, s => s != SlotState.Withdrawn));

        var past = await session.PostFormAsync($"/staff/rendez-vous/postes/{post.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.Date"] = day.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Reason"] = "Trop tard",
        }, "#closed-form");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.NotNull(Html.FieldError(await Html.ParseAsync(past), "Input_Date"));
    }

    [Fact]
    public async Task ReleaseNow_PublishesTheNumberAsked()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync($"/staff/rendez-vous/services/{service.Id}", new Dictionary<string, string> { ["Release.Count"] = "7" }, "#release-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(7, await App.WithDbAsync(db => db.Slots.CountAsync(s => s.ServiceId == service.Id && s.State == SlotState.Released)));
    }

    [Fact]
    public async Task CalendarPages_Clerk_IsRefused_AndAnotherPostsConsulFindsNothing()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        var other = await App.CreateStaffAsync(Role.Consul, await App.CreatePostAsync());
        using var clerkSession = await StaffSession.SignInAsync(App, clerk.UserName!);
        using var otherSession = await StaffSession.SignInAsync(App, other.UserName!);

        var (denied, _) = await clerkSession.GetAsync($"/staff/rendez-vous/services/{service.Id}");
        var (deniedClosed, _) = await clerkSession.GetAsync($"/staff/rendez-vous/postes/{post.Id}/fermetures");
        await clerkSession.GetAsync("/staff/rendez-vous");
        var post403 = await clerkSession.PostAsync($"/staff/rendez-vous/services/{service.Id}?handler=Release", new Dictionary<string, string> { ["Release.Count"] = "5" });
        var (missing, _) = await otherSession.GetAsync($"/staff/rendez-vous/services/{service.Id}");
        var (missingClosed, _) = await otherSession.GetAsync($"/staff/rendez-vous/postes/{post.Id}/fermetures");
        var otherPost = await otherSession.PostAsync($"/staff/rendez-vous/services/{service.Id}?handler=Release", new Dictionary<string, string> { ["Release.Count"] = "5" });

        Assert.Equal("/staff/denied", denied.Headers.Location?.AbsolutePath);
        Assert.Equal("/staff/denied", deniedClosed.Headers.Location?.AbsolutePath);
        Assert.Equal("/staff/denied", post403.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingClosed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Slots.CountAsync(s => s.ServiceId == service.Id && s.State == SlotState.Released)));
    }
}

public sealed class CalendarPagesTestsSqlite(SqliteAppFixture fixture) : CalendarPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class CalendarPagesTestsPostgres(PostgresAppFixture fixture) : CalendarPagesTests(fixture), IClassFixture<PostgresAppFixture>;

/// <summary>A post of its own with a passport service and its generated slots, and bookings inserted directly.</summary>
internal static class CalendarPageData
{
    public static async Task<(Post Post, AppointmentService Service)> ServiceAsync(ChanceryApp app, bool everyDay = false, Post? post = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        post ??= await app.CreatePostAsync();
        var postId = post.Id;
        var service = await app.WithDbAsync(async db =>
        {
            var service = new AppointmentService { PostId = postId, Kind = ServiceKind.Passport, DurationMinutes = 20, Counters = 1 };
            foreach (var day in Enum.GetValues<DayOfWeek>().Where(d => everyDay || d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
                service.Hours.Add(new OpeningHours { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) });
            db.AppointmentServices.Add(service);
            await db.SaveChangesAsync();
            await new GenerateSlots(db, app.Clock).ExecuteAsync(service.Id, CancellationToken.None);
            return service;
        });
        return (post, service);
    }

    /// <summary>A confirmed booking of the slot (the public booking flow has its own tests).</summary>
    public static async Task<Booking> BookAsync(
        Core.Data.ChanceryDb db, AppointmentService service, Slot slot, DateTime now, string document, string surname = "DUPONT", string? address = null, string email = "test@example.invalid")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(slot);
        var booking = new Booking
        {
            Reference = BookingReferences.New(), PostId = service.PostId, ServiceId = service.Id, DocumentNumber = document, IssuingState = "FRA",
            Surname = surname, BirthDate = new DateOnly(1980, 1, 1), Email = email, Language = "fr",
            ManageTokenHash = RandomNumberGenerator.GetHexString(64, lowercase: true), CreatedAt = now, CreatedFromAddress = address,
        };
        booking.Hold(slot, null);
        slot.State = SlotState.Booked;
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking;
    }

    /// <summary>A slot starting at <paramref name="startsAt"/> with a confirmed booking bound to <paramref name="document"/>.</summary>
    public static Task<Booking> BookAtAsync(ChanceryApp app, AppointmentService service, DateTime startsAt, string document, string surname = "DUPONT", string? address = null, string email = "test@example.invalid") =>
        app.WithDbAsync(async db =>
        {
            var slot = new Slot { ServiceId = service.Id, PostId = service.PostId, StartsAt = startsAt, Counter = 99, State = SlotState.Released };
            db.Slots.Add(slot);
            await db.SaveChangesAsync();
            return await BookAsync(db, service, slot, app.Clock.GetUtcNow().UtcDateTime, document, surname, address, email);
        });
}
