using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Posts;
using Chancery.Core.Staff;
using Chancery.TestCommon;
using Chancery.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Web.Tests.Appointments;

// Ballots over HTTP: a consul announces one, people register (their requests verified directly in the database,
// as the code page leaves them), the draw is made by the job, the publication recomputes (also through
// chancery ballot verify), winners confirm from the e-mailed link, and those who do not are replaced.
public abstract partial class BallotPagesTests(AppFixture fixture)
{
    private ChanceryApp App => fixture.App;

    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Ballot_WholeJourney_DrawRecomputesAndAWinnerBooksUnderTheirIdentity()
    {
        var (post, service) = await BallotServiceAsync(slots: 3);
        var ballotId = await AnnounceAsync(post, service);
        var commitment = await App.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.Commitment).SingleAsync());
        using var visitor = StaffSession.Anonymous(App);

        var (before, beforePage) = await visitor.GetAsync($"/rendez-vous/tirages/{ballotId}");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(commitment, beforePage.QuerySelector("#ballot-commitment")!.TextContent.Trim());
        Assert.Equal("3", beforePage.QuerySelector("#ballot-slots")!.TextContent.Trim());
        Assert.Contains($"tirage={ballotId}", beforePage.QuerySelector("#ballot-enter")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(beforePage.QuerySelector("#ballot-seed"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(new Uri($"/rendez-vous/tirages/{ballotId}/tirage.json", UriKind.Relative))).StatusCode);

        var people = new List<Person>();
        for (var i = 0; i < 6; i++)
        {
            var person = NewPerson(i % 2 == 0 ? "en" : "fr");
            var registered = await RegisterAsync(post, service, ballotId, person);
            Assert.True(registered.IsSuccess, registered.Error?.Message);
            people.Add(person with { RegistrationId = registered.Value.Entry.RegistrationId });
        }

        var first = people[0];
        var mail = Mail(first.Email, first.RegistrationId!);
        Assert.Contains(commitment, mail.TextBody, StringComparison.Ordinal);
        var (registeredPage, registeredHtml) = await visitor.GetAsync($"/rendez-vous/tirages/inscrit/{first.RegistrationId}");
        Assert.Equal(HttpStatusCode.OK, registeredPage.StatusCode);
        Assert.Equal(first.RegistrationId, registeredHtml.QuerySelector("#ballot-registration-id")!.TextContent.Trim());
        Assert.DoesNotContain(first.Surname, registeredHtml.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var report = await App.WithServicesAsync(sp => sp.GetRequiredService<DrawBallots>().ExecuteAsync(CancellationToken.None));
        Assert.True(report.Drawn >= 1);
        var again = await App.WithServicesAsync(sp => sp.GetRequiredService<DrawBallots>().ExecuteAsync(CancellationToken.None));
        Assert.Equal(0, again.Drawn);

        // The publication: recomputed here, and by the command-line verb from the downloaded file.
        var json = await visitor.Client.GetStringAsync(new Uri($"/rendez-vous/tirages/{ballotId}/tirage.json", UriKind.Relative));
        var publication = BallotPublication.Parse(json).Value;
        Assert.Equal(6, publication.Verify().Value);
        Assert.Equal(3, publication.Slots);
        Assert.Equal(commitment, publication.Commitment);
        Assert.All(people, p => Assert.DoesNotContain(p.Surname, json, StringComparison.OrdinalIgnoreCase));
        Assert.All(people, p => Assert.DoesNotContain(p.Document, json, StringComparison.OrdinalIgnoreCase));
        var file = Path.Combine(Path.GetTempPath(), $"tirage-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, await CommandLine.RunAsync(["ballot", "verify", file], stdout, stderr));
            Assert.Equal("verified: 6 registrations, order matches", stdout.ToString().Trim());
        }
        finally
        {
            File.Delete(file);
        }

        var entries = await App.WithDbAsync(db => db.BallotEntries.AsNoTracking().Where(e => e.BallotId == ballotId).OrderBy(e => e.Rank).ToListAsync());
        Assert.Equal(publication.Order, entries.Select(e => e.RegistrationId));
        Assert.Equal([BallotEntryState.Offered, BallotEntryState.Offered, BallotEntryState.Offered, BallotEntryState.Waiting, BallotEntryState.Waiting, BallotEntryState.Waiting], entries.Select(e => e.State));
        Assert.Equal(3, entries.Take(3).Select(e => e.OfferedSlotId).Distinct().Count());

        var (after, afterPage) = await visitor.GetAsync($"/rendez-vous/tirages/{ballotId}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(publication.Seed, afterPage.QuerySelector("#ballot-seed")!.TextContent.Trim());
        Assert.Equal(publication.Order, afterPage.QuerySelectorAll("#ballot-order tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));

        // The link of the registration mail no longer confirms anything once an offer replaced it.
        var winner = entries[0];
        var registrationMail = Mail(winner.Email, commitment, winner.RegistrationId);
        var (old, oldPage) = await visitor.GetAsync(LinkIn(registrationMail));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.NotNull(oldPage.QuerySelector("#ballot-link-unknown"));
        var winnerMail = Mail(winner.Email, "/rendez-vous/tirages/confirmer/", winner.RegistrationId);
        var link = LinkIn(winnerMail);

        using var applicant = StaffSession.Anonymous(App);
        var (offer, offerPage) = await applicant.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, offer.StatusCode);
        Assert.NotNull(offerPage.QuerySelector("#ballot-offer"));
        // Opening the link changes nothing.
        Assert.Equal(BallotEntryState.Offered, await App.WithDbAsync(db => db.BallotEntries.Where(e => e.Id == winner.Id).Select(e => e.State).SingleAsync()));

        var confirmed = await applicant.PostFormAsync(link, new Dictionary<string, string>(), "#ballot-confirm-form");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith("/rendez-vous/gerer/", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (entry, booking, slot) = await App.WithDbAsync(async db =>
        {
            var e = await db.BallotEntries.AsNoTracking().SingleAsync(x => x.Id == winner.Id);
            var b = await db.Bookings.AsNoTracking().SingleAsync(x => x.Id == e.BookingId);
            return (e, b, await db.Slots.AsNoTracking().SingleAsync(s => s.Id == b.SlotId));
        });
        Assert.Equal(BallotEntryState.Confirmed, entry.State);
        Assert.Equal(winner.OfferedSlotId, booking.SlotId);
        Assert.Equal(BookingState.Confirmed, booking.State);
        Assert.Equal(winner.Identity, booking.Identity);
        Assert.Equal(winner.IdentityKey, booking.ActiveIdentityKey);
        Assert.Equal(winner.Id, booking.BallotEntryId);
        Assert.Equal(SlotState.Booked, slot.State);

        // Confirming twice makes no second booking.
        var twice = await applicant.PostAsync(link, []);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Bookings.CountAsync(b => b.BallotEntryId == winner.Id)));
    }

    [Fact]
    public async Task Lapse_WinnersWhoDoNotConfirm_AreReplacedByTheNextDrawn_ThenTheSlotsGoBackToThePool()
    {
        var (post, service) = await BallotServiceAsync(slots: 2);
        var ballotId = await AnnounceAsync(post, service, confirmHours: 24);
        for (var i = 0; i < 3; i++)
            Assert.True((await RegisterAsync(post, service, ballotId, NewPerson("fr"))).IsSuccess);
        App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await App.WithServicesAsync(sp => sp.GetRequiredService<DrawBallots>().ExecuteAsync(CancellationToken.None));
        var drawn = await EntriesAsync(ballotId);
        var third = drawn[2];
        Assert.Equal(BallotEntryState.Waiting, third.State);

        // Before the deadline nothing lapses.
        App.Clock.Advance(TimeSpan.FromHours(23));
        await LapseAsync();
        Assert.Equal(BallotEntryState.Waiting, (await EntriesAsync(ballotId))[2].State);

        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        // Other tests' ballots share the app and its clock: the counts are at least this ballot's.
        var first = await LapseAsync();
        Assert.True(first.Lapsed >= 2 && first.Offered >= 1 && first.ReturnedToPool >= 1);
        var after = await EntriesAsync(ballotId);
        Assert.Equal([BallotEntryState.Lapsed, BallotEntryState.Lapsed, BallotEntryState.Offered], after.Select(e => e.State));
        // The next drawn gets the slot of the first who lapsed, and an e-mail with a link that works.
        Assert.Equal(drawn[0].OfferedSlotId, after[2].OfferedSlotId);
        var mail = Mail(third.Email, "/rendez-vous/tirages/confirmer/", third.RegistrationId);
        using var visitor = StaffSession.Anonymous(App);
        var (offer, page) = await visitor.GetAsync(LinkIn(mail));
        Assert.Equal(HttpStatusCode.OK, offer.StatusCode);
        Assert.NotNull(page.QuerySelector("#ballot-confirm-form"));
        var returned = await App.WithDbAsync(db => db.Slots.AsNoTracking().SingleAsync(s => s.Id == drawn[1].OfferedSlotId));
        Assert.Equal(SlotState.Pool, returned.State);
        Assert.Null(returned.BallotId);

        // A lapsed winner's link now says the deadline passed and confirms nothing.
        var lapsedMail = Mail(drawn[0].Email, "/rendez-vous/tirages/confirmer/", drawn[0].RegistrationId);
        using var late = StaffSession.Anonymous(App);
        var (latePage, lateHtml) = await late.GetAsync(LinkIn(lapsedMail));
        Assert.Equal(HttpStatusCode.OK, latePage.StatusCode);
        Assert.NotNull(lateHtml.QuerySelector("#ballot-lapsed"));
        Assert.Null(lateHtml.QuerySelector("#ballot-confirm-form"));

        // Run again at once (or by a second instance): nothing more.
        await LapseAsync();
        Assert.Equal(BallotEntryState.Offered, (await EntriesAsync(ballotId))[2].State);
        Assert.Equal(0, await App.WithDbAsync(db => db.BallotEntries.CountAsync(e => e.BallotId == ballotId && e.State == BallotEntryState.Waiting)));
    }

    [Fact]
    public async Task Register_SameIdentityTwice_IsAConflictSayingAlreadyRegistered()
    {
        var (post, service) = await BallotServiceAsync(slots: 1);
        var ballotId = await AnnounceAsync(post, service);
        var person = NewPerson("fr");
        Assert.True((await RegisterAsync(post, service, ballotId, person)).IsSuccess);

        // The same document typed another way is the same identity.
        var twice = await RegisterAsync(post, service, ballotId, person with { Email = $"other.{Guid.NewGuid():N}@example.org" });

        Assert.False(twice.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, twice.Error.Kind);
        Assert.Equal("ballot.already-registered", twice.Error.Code);
        Assert.Contains("already registered", twice.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.BallotEntries.CountAsync(e => e.BallotId == ballotId)));
    }

    [Fact]
    public async Task Register_AfterTheClose_IsRefused_AndARequestServesOnce()
    {
        var (post, service) = await BallotServiceAsync(slots: 1);
        var ballotId = await AnnounceAsync(post, service);
        var requestId = await VerifiedRequestAsync(post, service, ballotId, NewPerson("en"));
        var registered = await App.WithServicesAsync(sp => sp.GetRequiredService<RegisterForBallot>().ExecuteAsync(requestId, CancellationToken.None));
        Assert.True(registered.IsSuccess);
        var reused = await App.WithServicesAsync(sp => sp.GetRequiredService<RegisterForBallot>().ExecuteAsync(requestId, CancellationToken.None));
        Assert.Equal("ballot.request-void", reused.Error!.Code);

        App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var late = await RegisterAsync(post, service, ballotId, NewPerson("en"));

        Assert.False(late.IsSuccess);
        Assert.Equal("ballot.closed", late.Error.Code);
        Assert.Equal(1, await App.WithDbAsync(db => db.BallotEntries.CountAsync(e => e.BallotId == ballotId)));
    }

    [Fact]
    public async Task Confirm_IdentityAlreadyBookedForTheService_IsRefusedOnThePage()
    {
        var (post, service) = await BallotServiceAsync(slots: 1);
        var ballotId = await AnnounceAsync(post, service);
        var person = NewPerson("fr");
        Assert.True((await RegisterAsync(post, service, ballotId, person)).IsSuccess);
        App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await App.WithServicesAsync(sp => sp.GetRequiredService<DrawBallots>().ExecuteAsync(CancellationToken.None));
        var winner = (await EntriesAsync(ballotId))[0];
        // Meanwhile the same document booked another slot of the service.
        await App.WithDbAsync(async db =>
        {
            var other = new Slot { ServiceId = service.Id, PostId = post.Id, StartsAt = Now.Date.AddDays(30).AddHours(15), Counter = 1, State = SlotState.Booked };
            db.Slots.Add(other);
            await db.SaveChangesAsync();
            var booking = new Booking
            {
                Reference = BookingReferences.New(), PostId = post.Id, ServiceId = service.Id, DocumentNumber = winner.DocumentNumber,
                IssuingState = winner.IssuingState, Surname = winner.Surname, BirthDate = winner.BirthDate, Email = winner.Email, Language = "fr",
                ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CreatedAt = Now,
            };
            booking.Hold(other, null);
            db.Bookings.Add(booking);
            return await db.SaveChangesAsync();
        });
        var mail = Mail(winner.Email, "/rendez-vous/tirages/confirmer/", winner.RegistrationId);
        using var visitor = StaffSession.Anonymous(App);

        var response = await visitor.PostFormAsync(LinkIn(mail), new Dictionary<string, string>(), "#ballot-confirm-form");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(response)));
        var (entry, slot) = await App.WithDbAsync(async db => (
            await db.BallotEntries.AsNoTracking().SingleAsync(e => e.Id == winner.Id),
            await db.Slots.AsNoTracking().SingleAsync(s => s.Id == winner.OfferedSlotId)));
        Assert.Equal(BallotEntryState.Offered, entry.State);
        Assert.Equal(SlotState.Ballot, slot.State);
    }

    [Fact]
    public async Task Staff_AnnounceWithWrongDates_IsReRenderedWithTheErrors()
    {
        var (post, service) = await BallotServiceAsync(slots: 1);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var response = await session.PostFormAsync("/staff/rendez-vous/tirages/nouveau", new Dictionary<string, string>
        {
            ["Input.ServiceId"] = service.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.OpensAt"] = Local(Now.AddDays(3)),
            ["Input.ClosesAt"] = Local(Now.AddDays(1)),
            ["Input.ConfirmHours"] = "48",
            ["Input.SlotsFrom"] = Day(Now.AddDays(20)),
            ["Input.SlotsTo"] = Day(Now.AddDays(20)),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(Html.FieldError(page, "Input_ClosesAt"));
        Assert.False(await App.WithDbAsync(db => db.Ballots.AnyAsync(b => b.ServiceId == service.Id)));

        var empty = await session.PostFormAsync("/staff/rendez-vous/tirages/nouveau", new Dictionary<string, string> { ["Input.ConfirmHours"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotEmpty(Html.ErrorMessages(await Html.ParseAsync(empty)));
    }

    [Fact]
    public async Task Staff_SeeTheirBallotsEntriesMasked_AndNotAnotherPostsOrWithoutTheRole()
    {
        var (post, service) = await BallotServiceAsync(slots: 2);
        var ballotId = await AnnounceAsync(post, service);
        var person = NewPerson("fr");
        var registered = await RegisterAsync(post, service, ballotId, person);
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);

        var (list, listPage) = await session.GetAsync("/staff/rendez-vous/tirages");
        var (detail, detailPage) = await session.GetAsync($"/staff/rendez-vous/tirages/{ballotId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.NotNull(listPage.QuerySelector($"tr[data-ballot='{ballotId}']"));
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var row = detailPage.QuerySelector($"tr[data-registration='{registered.Value.Entry.RegistrationId}']")!;
        Assert.Contains(person.Surname, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(person.Document[^3..], row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Document, row.TextContent, StringComparison.Ordinal);
        // The surname shown is a read of the registrant's data, in the audit log under their registration.
        var registrationId = registered.Value.Entry.RegistrationId;
        var seen = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == "ballot-entry" && e.SubjectId == registrationId).ToListAsync());
        var entry = Assert.Single(seen);
        Assert.Equal((consul.Id, "read", "Surname,DocumentNumber", (int?)post.Id), (entry.ActorId, entry.Action, entry.Fields, entry.PostId));

        var outsider = await App.CreateStaffAsync(Role.Consul, await App.CreatePostAsync());
        using var other = await StaffSession.SignInAsync(App, outsider.UserName!);
        var (foreign, _) = await other.GetAsync($"/staff/rendez-vous/tirages/{ballotId}");
        var (otherList, otherPage) = await other.GetAsync("/staff/rendez-vous/tirages");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherList.StatusCode);
        Assert.Null(otherPage.QuerySelector($"tr[data-ballot='{ballotId}']"));

        var clerk = await App.CreateStaffAsync(Role.Clerk, post);
        using var asClerk = await StaffSession.SignInAsync(App, clerk.UserName!);
        var (denied, _) = await asClerk.GetAsync("/staff/rendez-vous/tirages");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task PublicPages_UnknownBallotRegistrationOrLink_Answer404()
    {
        using var visitor = StaffSession.Anonymous(App);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/rendez-vous/tirages/999999")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/rendez-vous/tirages/999999/tirage.json")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/rendez-vous/tirages/inscrit/0123456789abcdef")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/rendez-vous/tirages/inscrit/not-an-id")).Response.StatusCode);
        var (link, page) = await visitor.GetAsync("/rendez-vous/tirages/confirmer/unknown-token");
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.NotNull(page.QuerySelector("#ballot-link-unknown"));
    }

    private sealed record Person(string Document, string Surname, DateOnly BirthDate, string Email, string Language, string? RegistrationId = null);

    private static Person NewPerson(string language)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return new Person("X" + suffix, "TIRAGE" + new string(suffix.Where(char.IsAsciiLetter).ToArray()) + "Z", new DateOnly(1990, 4, 2), $"ballot.{suffix.ToLowerInvariant()}@example.org", language);
    }

    private async Task<(Post Post, AppointmentService Service)> BallotServiceAsync(int slots)
    {
        var post = await App.CreatePostAsync();
        var service = await App.WithDbAsync(async db =>
        {
            var s = new AppointmentService { PostId = post.Id, Kind = ServiceKind.Passport, Release = ReleaseMode.Ballot };
            db.AppointmentServices.Add(s);
            await db.SaveChangesAsync();
            var day = Now.Date.AddDays(20).AddHours(9);
            for (var i = 0; i < slots; i++)
                db.Slots.Add(new Slot { ServiceId = s.Id, PostId = post.Id, StartsAt = day.AddMinutes(20 * i), Counter = 1 });
            await db.SaveChangesAsync();
            return s;
        });
        return (post, service);
    }

    /// <summary>A consul announces a ballot through the staff page: open now, closing in two days, over the service's slots.</summary>
    private async Task<int> AnnounceAsync(Post post, AppointmentService service, int confirmHours = 48)
    {
        var consul = await App.CreateStaffAsync(Role.Consul, post);
        using var session = await StaffSession.SignInAsync(App, consul.UserName!);
        var response = await session.PostFormAsync("/staff/rendez-vous/tirages/nouveau", new Dictionary<string, string>
        {
            ["Input.ServiceId"] = service.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.OpensAt"] = Local(Now.AddMinutes(-5)),
            ["Input.ClosesAt"] = Local(Now.AddDays(2)),
            ["Input.ConfirmHours"] = confirmHours.ToString(CultureInfo.InvariantCulture),
            ["Input.SlotsFrom"] = Day(Now.AddDays(19)),
            ["Input.SlotsTo"] = Day(Now.AddDays(21)),
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException("The ballot was not announced: " + string.Join(" | ", Html.ErrorMessages(await Html.ParseAsync(response))));
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private Task<Result<(BallotEntry Entry, string Token)>> RegisterAsync(Post post, AppointmentService service, int ballotId, Person person) =>
        App.WithServicesAsync(async sp =>
        {
            var requestId = await VerifiedRequestAsync(post, service, ballotId, person);
            return await sp.GetRequiredService<RegisterForBallot>().ExecuteAsync(requestId, CancellationToken.None);
        });

    /// <summary>A request as the lead's code page leaves it once the e-mailed code was typed.</summary>
    private Task<Guid> VerifiedRequestAsync(Post post, AppointmentService service, int ballotId, Person person) => App.WithDbAsync(async db =>
    {
        var identity = BoundIdentity.Create(person.Document, "GBR", person.Surname, person.BirthDate)!;
        var request = new BookingRequest
        {
            TokenHash = Secrets.Hash(Secrets.NewToken()), Purpose = BookingPurpose.Ballot, PostId = post.Id, ServiceId = service.Id, BallotId = ballotId,
            DocumentNumber = identity.DocumentNumber, IssuingState = identity.IssuingState, Surname = identity.Surname, BirthDate = identity.BirthDate,
            Email = person.Email, Language = person.Language, CodeHash = Secrets.Hash("123456"), CodeExpiresAt = Now.AddMinutes(10),
            VerifiedAt = Now, CreatedAt = Now, ExpiresAt = Now + BookingRequest.VerifiedLifetime,
        };
        db.BookingRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<List<BallotEntry>> EntriesAsync(int ballotId) =>
        App.WithDbAsync(db => db.BallotEntries.AsNoTracking().Where(e => e.BallotId == ballotId).OrderBy(e => e.Rank).ToListAsync());

    private Task<LapseBallotOffers.Report> LapseAsync() =>
        App.WithServicesAsync(sp => sp.GetRequiredService<LapseBallotOffers>().ExecuteAsync(CancellationToken.None));

    /// <summary>The latest message to an address whose text holds every string given (the app writes .eml files when no SMTP sink is set).</summary>
    private MimeMessage Mail(string to, params string[] containing)
    {
        var found = Directory.Exists(App.MailDirectory)
            ? Directory.EnumerateFiles(App.MailDirectory, "*.eml").Order(StringComparer.Ordinal).Reverse()
                .Select(f => MimeMessage.Load(f))
                .FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to) && containing.All(c => (m.TextBody ?? "").Contains(c, StringComparison.Ordinal)))
            : null;
        return found ?? throw new InvalidOperationException($"No mail to {to} holding {string.Join(", ", containing)}.");
    }

    private static string LinkIn(MimeMessage mail) => new Uri(ConfirmLink().Match(mail.TextBody ?? "").Value).PathAndQuery;

    private static string Local(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"https?://\S+/rendez-vous/tirages/confirmer/[A-Za-z0-9_\-]+")]
    private static partial Regex ConfirmLink();
}

public sealed class BallotPagesTestsSqlite(SqliteAppFixture fixture) : BallotPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class BallotPagesTestsPostgres(PostgresAppFixture fixture) : BallotPagesTests(fixture), IClassFixture<PostgresAppFixture>;
