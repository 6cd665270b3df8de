using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Chancery.Core.Appointments;
using Chancery.Core.Posts;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Web.Tests.Appointments;

// The public booking journey over HTTP: proof-of-work solved for real, code read from the e-mail, slot chosen,
// booking bound to the identity given; and every way it must refuse.
public abstract partial class BookingPagesTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Book_WholeJourney_BindsTheIdentityAndMailsTheQrCode()
    {
        var (_, service, slots) = await ServiceAsync(3);
        using var session = StaffSession.Anonymous(App);
        var email = NewEmail();

        var (index, indexPage) = await session.GetAsync("/rendez-vous");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("gratuite", indexPage.QuerySelector("#appt-free")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(indexPage.QuerySelector($"a[href='/rendez-vous/identite?service={service.Id}']"));

        var identity = await IdentityAsync(session, service, email, "ab-12 34567", "GBR", "Müller-Smith");
        Assert.Equal(HttpStatusCode.Redirect, identity.StatusCode);
        var codeUrl = identity.Headers.Location!.OriginalString;
        Assert.StartsWith("/rendez-vous/code/", codeUrl, StringComparison.Ordinal);

        var code = CodeFor(email);
        var verified = await session.PostFormAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var slotUrl = verified.Headers.Location!.OriginalString;
        Assert.StartsWith("/rendez-vous/creneau/", slotUrl, StringComparison.Ordinal);

        var booked = await session.PostFormAsync(slotUrl, new Dictionary<string, string> { ["SlotId"] = slots[1].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var manageUrl = booked.Headers.Location!.OriginalString;
        var (_, manage) = await session.GetAsync(manageUrl);
        var reference = manage.QuerySelector("#appt-reference")!.TextContent.Trim();
        Assert.Matches("^RDV-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        Assert.StartsWith("data:image/png;base64,", manage.QuerySelector("#appt-qr")!.GetAttribute("src"), StringComparison.Ordinal);

        var saved = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Reference == reference));
        Assert.Equal(("AB1234567", "GBR", "MULLER SMITH", new DateOnly(1985, 6, 15)), (saved.DocumentNumber, saved.IssuingState, saved.Surname, saved.BirthDate));
        Assert.Equal(slots[1], saved.SlotId);
        Assert.Equal(BookingState.Confirmed, saved.State);
        Assert.Equal(SlotState.Booked, await SlotStateAsync(slots[1]));

        var confirmation = Mails(email).Single(m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        var qr = confirmation.Attachments.OfType<MimePart>().Single();
        Assert.Equal("image/png", qr.ContentType.MimeType);
        Assert.Contains(manageUrl.Split('?')[0], confirmation.TextBody, StringComparison.Ordinal);

        // The request is spent: its pages are gone, and the code cannot be used again.
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(slotUrl)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(codeUrl)).Response.StatusCode);
    }

    [Fact]
    public async Task Identity_WithoutOrWithReplayedChallenge_IsRefusedAndNothingIsSent()
    {
        var (_, service, _) = await ServiceAsync(1);
        using var session = StaffSession.Anonymous(App);
        var email = NewEmail();

        var missing = await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", Fields(email, "P1234567", "GBR", "Doe"));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(missing)));

        var payload = await SolveAsync(session, "book");
        var first = await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", Fields(email, "P1234567", "GBR", "Doe", payload));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var replay = await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", Fields(NewEmail(), "P7654321", "GBR", "Doe", payload));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("vérification", string.Join(" ", Html.ErrorMessages(await Html.ParseAsync(replay))), StringComparison.Ordinal);

        // A challenge solved for another action is refused too.
        var ballotPayload = await SolveAsync(session, "ballot");
        var wrongAction = await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", Fields(NewEmail(), "P7654322", "GBR", "Doe", ballotPayload));
        Assert.Equal(HttpStatusCode.OK, wrongAction.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.BookingRequests.CountAsync(r => r.ServiceId == service.Id)));
    }

    [Fact]
    public async Task Code_WrongFiveTimes_IsVoidEvenWhenRightAfter()
    {
        var (_, service, _) = await ServiceAsync(1);
        using var session = StaffSession.Anonymous(App);
        var email = NewEmail();
        var codeUrl = (await IdentityAsync(session, service, email, "P" + Digits(), "FRA", "Doe")).Headers.Location!.OriginalString;
        var code = CodeFor(email);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 1; i <= 4; i++)
        {
            var attempt = await session.PostFormAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = wrong });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
            Assert.Contains($"{5 - i} essai", Html.FieldError(await Html.ParseAsync(attempt), "Input_Code"), StringComparison.Ordinal);
        }

        var fifth = await session.PostFormAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = wrong });
        Assert.Contains("plus valable", string.Join(" ", Html.ErrorMessages(await Html.ParseAsync(fifth))), StringComparison.Ordinal);
        var sixth = await session.PostAsync(codeUrl, new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("plus valable", string.Join(" ", Html.ErrorMessages(await Html.ParseAsync(sixth))), StringComparison.Ordinal);
        Assert.DoesNotContain(await App.WithDbAsync(db => db.BookingRequests.AsNoTracking().ToListAsync()), r => r.Email == email && r.VerifiedAt != null);
    }

    [Fact]
    public async Task Code_AfterTenMinutes_IsVoid()
    {
        var (_, service, _) = await ServiceAsync(1);
        var verify = await App.WithServicesAsync(async sp =>
        {
            var issued = await sp.GetRequiredService<RequestBookingCode>().ExecuteAsync(
                new BookingCodeInput(service.Id, null, null, "P" + Digits(), "GBR", "Doe", new DateOnly(1980, 1, 1), NewEmail(), "fr"), "192.0.2.7", CancellationToken.None);
            return issued.Value.Token;
        });
        var email = (await App.WithDbAsync(db => db.BookingRequests.SingleAsync(r => r.ServiceId == service.Id))).Email;
        var code = CodeFor(email);
        App.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var result = await App.WithServicesAsync(sp => sp.GetRequiredService<VerifyBookingCode>().ExecuteAsync(verify, code, CancellationToken.None));
        // The request itself has lapsed with its code: the link leads nowhere.
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task Identity_AlreadyBookedForTheService_IsToldAtOnce_AndTheIndexStopsASecondBooking()
    {
        var (_, service, slots) = await ServiceAsync(2);
        var identity = SampleAppointments.NewIdentity();
        var first = await App.VerifiedRequestAsync(service, identity);
        var second = await App.VerifiedRequestAsync(service, identity);
        var book = (Guid id, long slot) => App.WithServicesAsync(sp => sp.GetRequiredService<BookAppointment>().ExecuteAsync(id, slot, CancellationToken.None));

        Assert.True((await book(first.Id, slots[0])).IsSuccess);
        var again = await book(second.Id, slots[1]);
        Assert.Equal("appointment.identity-booked", again.Error!.Code);
        Assert.Equal(SlotState.Released, await SlotStateAsync(slots[1]));

        using var session = StaffSession.Anonymous(App);
        var page = await IdentityAsync(session, service, NewEmail(), identity.DocumentNumber, identity.IssuingState, "Someone Else");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("déjà un rendez-vous", Html.FieldError(await Html.ParseAsync(page), "Input_DocumentNumber"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slot_TakenMeanwhile_IsToldAndAnotherCanBeChosen()
    {
        var (_, service, slots) = await ServiceAsync(2);
        var a = await App.VerifiedRequestAsync(service, SampleAppointments.NewIdentity());
        var b = await App.VerifiedRequestAsync(service, SampleAppointments.NewIdentity());
        using var session = StaffSession.Anonymous(App);
        var (_, choice) = await session.GetAsync($"/rendez-vous/creneau/{b.Token}");
        Assert.NotNull(choice.QuerySelector($"#slot-{slots[0]}"));

        Assert.True((await App.WithServicesAsync(sp => sp.GetRequiredService<BookAppointment>().ExecuteAsync(a.Id, slots[0], CancellationToken.None))).IsSuccess);
        var late = await session.PostAsync($"/rendez-vous/creneau/{b.Token}", new Dictionary<string, string> { ["SlotId"] = slots[0].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var page = await Html.ParseAsync(late);
        Assert.Contains("vient d’être pris", string.Join(" ", Html.ErrorMessages(page)), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#slot-{slots[0]}"));
        Assert.NotNull(page.QuerySelector($"#slot-{slots[1]}"));

        var retry = await session.PostFormAsync($"/rendez-vous/creneau/{b.Token}", new Dictionary<string, string> { ["SlotId"] = slots[1].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task Cancel_GetChangesNothing_PostReturnsTheSlotToThePoolNotToTheRelease()
    {
        var (_, service, slots) = await ServiceAsync(1);
        var (booking, token) = await BookAsync(service, slots[0]);
        using var session = StaffSession.Anonymous(App);

        var (get, confirm) = await session.GetAsync($"/rendez-vous/gerer/{token}/annuler");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(BookingState.Confirmed, await StateAsync(booking.Id));

        var cancelled = await session.PostFormAsync($"/rendez-vous/gerer/{token}/annuler", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.NotNull((await Html.ParseAsync(cancelled)).QuerySelector("#appt-cancelled"));
        Assert.Equal(BookingState.Cancelled, await StateAsync(booking.Id));
        Assert.Equal(SlotState.Pool, await SlotStateAsync(slots[0]));

        // Without a token, a forged cancellation is refused by antiforgery and changes nothing.
        var other = await BookAsync(service, (await App.AddReleasedSlotsAsync(service, 1))[0]);
        using var plain = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new FormUrlEncodedContent([]);
        var forged = await plain.PostAsync(new Uri($"/rendez-vous/gerer/{other.Token}/annuler", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(BookingState.Confirmed, await StateAsync(other.Booking.Id));
    }

    [Fact]
    public async Task Move_OnceWhereAllowed_ThenCancelOnly_AndNeverWhereForbidden()
    {
        var (_, service, slots) = await ServiceAsync(3, s => s.Rescheduling = ReschedulePolicy.OneFreeReschedule);
        var (booking, token) = await BookAsync(service, slots[0]);
        using var session = StaffSession.Anonymous(App);

        var moved = await session.PostFormAsync($"/rendez-vous/gerer/{token}/deplacer", new Dictionary<string, string> { ["SlotId"] = slots[2].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var saved = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal((slots[2], 1), (saved.SlotId, saved.ReschedulesUsed));
        Assert.Equal(SlotState.Pool, await SlotStateAsync(slots[0]));

        var twice = await session.PostAsync($"/rendez-vous/gerer/{token}/deplacer", new Dictionary<string, string> { ["SlotId"] = slots[1].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(slots[2], await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.SlotId).SingleAsync()));

        var (_, strict, strictSlots) = await ServiceAsync(2);
        var fixedOne = await BookAsync(strict, strictSlots[0]);
        var (_, page) = await session.GetAsync($"/rendez-vous/gerer/{fixedOne.Token}");
        Assert.Null(page.QuerySelector($"a[href$='/deplacer']"));
        var forced = await session.PostAsync($"/rendez-vous/gerer/{fixedOne.Token}/deplacer", new Dictionary<string, string> { ["SlotId"] = strictSlots[1].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal(strictSlots[0], await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == fixedOne.Booking.Id).Select(b => b.SlotId).SingleAsync()));
    }

    [Fact]
    public async Task BoundIdentity_CannotBeChangedThroughAnyPublicForm()
    {
        var (_, service, slots) = await ServiceAsync(3, s => s.Rescheduling = ReschedulePolicy.OneFreeReschedule);
        var (booking, token) = await BookAsync(service, slots[0]);
        using var session = StaffSession.Anonymous(App);
        var forged = new Dictionary<string, string>
        {
            ["DocumentNumber"] = "ZZ9999999", ["IssuingState"] = "USA", ["Surname"] = "TOUT", ["BirthDate"] = "1970-01-01",
            ["Input.DocumentNumber"] = "ZZ9999999", ["Input.IssuingState"] = "USA", ["Input.Surname"] = "TOUT", ["Input.BirthDate"] = "1970-01-01",
            ["Booking.DocumentNumber"] = "ZZ9999999", ["Email"] = "tout@example.org",
        };
        await session.GetAsync($"/rendez-vous/gerer/{token}/deplacer");
        foreach (var url in new[] { $"/rendez-vous/gerer/{token}/deplacer", $"/rendez-vous/gerer/{token}", $"/rendez-vous/gerer/{token}/annuler" })
        {
            var fields = new Dictionary<string, string>(forged) { ["SlotId"] = slots[1].ToString(CultureInfo.InvariantCulture) };
            var response = await session.PostAsync(url, fields);
            Assert.True((int)response.StatusCode < 500, url);
        }

        var saved = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal((booking.DocumentNumber, booking.IssuingState, booking.Surname, booking.BirthDate, booking.Email),
            (saved.DocumentNumber, saved.IssuingState, saved.Surname, saved.BirthDate, saved.Email));
        // The model itself offers no way: the identity's properties have no setter after creation.
        foreach (var name in new[] { nameof(Booking.DocumentNumber), nameof(Booking.IssuingState), nameof(Booking.Surname), nameof(Booking.BirthDate) })
            Assert.True(typeof(Booking).GetProperty(name)!.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), name);
    }

    [Fact]
    public async Task Visa_NeedsASubmittedApplication_WhoseIdentityBecomesTheBooking()
    {
        var post = await App.CreatePostAsync();
        var service = await App.CreateServiceAsync(post, ServiceKind.ShortStayVisa, s => s.RequiresApplication = true);
        await App.AddReleasedSlotsAsync(service, 1);
        var application = await App.SubmitShortStayAsync(post);
        using var session = StaffSession.Anonymous(App);

        var unknown = await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", new Dictionary<string, string>
        {
            ["Input.ApplicationNumber"] = post.Code + "-XXXX-XXXX", ["Input.BirthDate"] = application.BirthDate, ["Input.Email"] = NewEmail(),
            ["altcha"] = await SolveAsync(session, "book"),
        });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Aucune demande", Html.FieldError(await Html.ParseAsync(unknown), "Input_ApplicationNumber") ?? string.Join(" ", Html.ErrorMessages(await Html.ParseAsync(unknown))), StringComparison.Ordinal);

        var email = NewEmail();
        var ok = await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", new Dictionary<string, string>
        {
            ["Input.ApplicationNumber"] = application.Number.ToLowerInvariant(), ["Input.BirthDate"] = application.BirthDate, ["Input.Email"] = email,
            ["altcha"] = await SolveAsync(session, "book"),
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var request = (await App.WithDbAsync(db => db.BookingRequests.AsNoTracking().ToListAsync())).Single(r => r.Email == email);
        Assert.Equal((application.DocumentNumber, application.IssuingState), (request.DocumentNumber, request.IssuingState));
        Assert.Equal(application.CaseId, request.ApplicationCaseId);
    }

    private async Task<(Post Post, AppointmentService Service, List<long> Slots)> ServiceAsync(int slots, Action<AppointmentService>? configure = null)
    {
        var post = await App.CreatePostAsync();
        var service = await App.CreateServiceAsync(post, ServiceKind.Passport, configure);
        return (post, service, await App.AddReleasedSlotsAsync(service, slots));
    }

    private Task<(Booking Booking, string Token)> BookAsync(AppointmentService service, long slot) => App.WithServicesAsync(async sp =>
    {
        var request = await App.VerifiedRequestAsync(service, SampleAppointments.NewIdentity());
        var booked = await sp.GetRequiredService<BookAppointment>().ExecuteAsync(request.Id, slot, CancellationToken.None);
        return (booked.Value.Booking, booked.Value.ManageToken);
    });

    private static async Task<string> SolveAsync(StaffSession session, string action)
    {
        var json = await session.Client.GetStringAsync(new Uri($"/rendez-vous/defi/{action}", UriKind.Relative));
        return AltchaSolver.Solve(json) ?? throw new InvalidOperationException("Unsolved challenge.");
    }

    private static async Task<HttpResponseMessage> IdentityAsync(StaffSession session, AppointmentService service, string email, string document, string state, string surname) =>
        await session.PostFormAsync($"/rendez-vous/identite?service={service.Id}", Fields(email, document, state, surname, await SolveAsync(session, "book")));

    private static Dictionary<string, string> Fields(string email, string document, string state, string surname, string? altcha = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.DocumentNumber"] = document, ["Input.IssuingState"] = state, ["Input.Surname"] = surname,
            ["Input.BirthDate"] = "1985-06-15", ["Input.Email"] = email,
        };
        if (altcha is not null)
            fields["altcha"] = altcha;
        return fields;
    }

    private string CodeFor(string email)
    {
        var message = Mails(email).LastOrDefault(m => CodeSubject().IsMatch(m.Subject ?? "")) ?? throw new InvalidOperationException("No code was mailed.");
        return CodeSubject().Match(message.Subject ?? "").Groups[1].Value;
    }

    private List<MimeMessage> Mails(string to) => !Directory.Exists(App.MailDirectory)
        ? []
        : Directory.EnumerateFiles(App.MailDirectory, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == to))
            .ToList();

    private Task<BookingState> StateAsync(Guid id) => App.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.State).SingleAsync());

    private Task<SlotState> SlotStateAsync(long id) => App.WithDbAsync(db => db.Slots.Where(s => s.Id == id).Select(s => s.State).SingleAsync());

    private static string NewEmail() => $"booker.{Guid.NewGuid():N}@example.org";

    private static string Digits() => System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789", 7);

    [GeneratedRegex("([0-9]{6})$")]
    private static partial Regex CodeSubject();
}

public sealed class BookingPagesTestsSqlite(SqliteAppFixture fixture) : BookingPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class BookingPagesTestsPostgres(PostgresAppFixture fixture) : BookingPagesTests(fixture), IClassFixture<PostgresAppFixture>;
