using System.Net;
using Chancery.Core.Appointments;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Appointments;

// The desk at the door over HTTP: the bound document lets the person in (typed any way), another document
// refuses the visit and flags the booking, which the dashboard then shows.
public abstract class CheckInTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task CheckIn_TheBoundDocumentTypedLoosely_IsAccepted()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        var booking = await CalendarPageData.BookAtAsync(App, service, Now(), "AB123456");
        using var session = await StaffSession.SignInAsync(App, clerk.UserName!);

        var response = await session.PostFormAsync("/staff/rendez-vous/accueil", Fields(booking.Reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "ab 123 456"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await session.GetAsync("/staff/rendez-vous/accueil");
        Assert.Contains("Visite acceptée", page.QuerySelector(".fr-alert--success")!.TextContent, StringComparison.Ordinal);
        var saved = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(BookingState.CheckedIn, saved.State);
        Assert.Null(saved.Flag);
        Assert.Equal(SlotState.Booked, await App.WithDbAsync(db => db.Slots.Where(s => s.Id == booking.SlotId).Select(s => s.State).SingleAsync()));

        // Twice: the desk says it was done already.
        var again = await session.PostFormAsync("/staff/rendez-vous/accueil", Fields(booking.Reference, "AB123456"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("déjà été enregistré", Html.FieldError(await Html.ParseAsync(again), "Input_Reference"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_AnotherDocument_RefusesTheVisitFlagsTheBooking_AndTheDashboardShowsIt()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        var booking = await CalendarPageData.BookAtAsync(App, service, Now(), "AB123456", "LEROY");
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync("/staff/rendez-vous/accueil", Fields(booking.Reference, "ZZ999999"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await session.GetAsync("/staff/rendez-vous/accueil");
        Assert.Contains("revente probable", page.QuerySelector(".fr-alert--error")!.TextContent, StringComparison.Ordinal);
        var saved = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(BookingState.Refused, saved.State);
        Assert.Contains("probable resale", saved.Flag, StringComparison.Ordinal);
        Assert.Equal(SlotState.Booked, await App.WithDbAsync(db => db.Slots.Where(s => s.Id == booking.SlotId).Select(s => s.State).SingleAsync()));

        var (_, dashboard) = await session.GetAsync($"/staff/rendez-vous/tableau-de-bord?poste={post.Id}");
        var row = Assert.Single(dashboard.QuerySelectorAll("#refusals-table tbody tr"));
        Assert.Contains(booking.Reference, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("LEROY ••••456", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("AB123456", dashboard.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_NotTodayUnknownOrAnotherPosts_SaysSoAndChangesNothing()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var (_, otherService) = await CalendarPageData.ServiceAsync(App);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        var tomorrow = await CalendarPageData.BookAtAsync(App, service, Now().AddDays(2), "CD123456");
        var elsewhere = await CalendarPageData.BookAtAsync(App, otherService, Now(), "EF123456");
        using var session = await StaffSession.SignInAsync(App, clerk.UserName!);

        var notToday = await Html.ParseAsync(await session.PostFormAsync("/staff/rendez-vous/accueil", Fields(tomorrow.Reference, "CD123456")));
        var unknown = await Html.ParseAsync(await session.PostFormAsync("/staff/rendez-vous/accueil", Fields("RDV-AAAA-AAAA", "CD123456")));
        var other = await Html.ParseAsync(await session.PostFormAsync("/staff/rendez-vous/accueil", Fields(elsewhere.Reference, "EF123456")));
        var empty = await Html.ParseAsync(await session.PostFormAsync("/staff/rendez-vous/accueil", Fields("", "")));

        Assert.Contains("pas prévu aujourd’hui", Html.FieldError(notToday, "Input_Reference"), StringComparison.Ordinal);
        Assert.Contains("Aucun rendez-vous", Html.FieldError(unknown, "Input_Reference"), StringComparison.Ordinal);
        Assert.Contains("Aucun rendez-vous", Html.FieldError(other, "Input_Reference"), StringComparison.Ordinal);
        Assert.NotNull(Html.FieldError(empty, "Input_DocumentNumber"));
        Assert.NotNull(empty.QuerySelector("#error-summary"));
        Assert.Equal(2, await App.WithDbAsync(db => db.Bookings.CountAsync(b => (b.Id == tomorrow.Id || b.Id == elsewhere.Id) && b.State == BookingState.Confirmed)));
    }

    [Fact]
    public async Task CheckIn_Auditor_IsRefused()
    {
        var (post, _) = await CalendarPageData.ServiceAsync(App);
        var auditor = await App.CreateStaffAsync(Role.Auditor, post);
        using var session = await StaffSession.SignInAsync(App, auditor.UserName!);

        var (response, _) = await session.GetAsync("/staff/rendez-vous/accueil");
        var post403 = await session.PostAsync("/staff/rendez-vous/accueil", Fields("RDV-AAAA-AAAA", "X"));

        Assert.Equal("/staff/denied", response.Headers.Location?.AbsolutePath);
        Assert.Equal("/staff/denied", post403.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task CheckIn_TwoDesksAtOnce_RecordTheVisitOnce()
    {
        var (post, service) = await CalendarPageData.ServiceAsync(App);
        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        var booking = await CalendarPageData.BookAtAsync(App, service, Now(), "GH123456");
        var actor = (await App.WithServicesAsync(sp => sp.GetRequiredService<LoadActor>().ForUserAsync(clerk.Id, "127.0.0.1", CancellationToken.None)))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => App.WithServicesAsync(sp =>
            sp.GetRequiredService<CheckInBooking>().ExecuteAsync(actor, booking.Reference, i == 0 ? "GH123456" : "ZZ000000", CancellationToken.None))));

        var done = Assert.Single(results, r => r.IsSuccess);
        Assert.True(Assert.Single(results, r => !r.IsSuccess).Error!.Code is "checkin.already" or "checkin.refused");
        var saved = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(done.Value.Accepted ? BookingState.CheckedIn : BookingState.Refused, saved.State);
    }

    private DateTime Now() => App.Clock.GetUtcNow().UtcDateTime;

    private static Dictionary<string, string> Fields(string reference, string document) =>
        new() { ["Input.Reference"] = reference, ["Input.DocumentNumber"] = document };
}

public sealed class CheckInTestsSqlite(SqliteAppFixture fixture) : CheckInTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class CheckInTestsPostgres(PostgresAppFixture fixture) : CheckInTests(fixture), IClassFixture<PostgresAppFixture>;
