using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Appointments;

/// <summary>
/// Two instances of the app on one database, 2,000 booking requests at once for 50 slots, from 1,500 identities
/// (500 of them asking twice), half choosing a slot at random, half taking the earliest free one: exactly 50
/// bookings, no slot twice, no identity twice, and no request answered with a server error.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The apps are disposed by IAsyncLifetime.DisposeAsync.")]
public abstract partial class ConcurrentBookingTests(DatabaseKind kind) : IAsyncLifetime
{
    private const int Slots = 50;
    private const int Requests = 2_000;
    private const int Identities = 1_500;

    private TestDatabase? database;
    private ChanceryApp? first;
    private ChanceryApp? second;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(kind);
        first = new ChanceryApp(database);
        second = new ChanceryApp(database);
        _ = first.Server;
        _ = second.Server;
    }

    // Each instance gets a pool of its own, as two processes would, bounded so both fit in the server's
    // connections with the rest of the suite; requests wait for a connection rather than fail on a loaded machine.
    private WebApplicationFactory<Program> Instance(ChanceryApp app) => database!.Kind == DatabaseKind.Postgres
        ? app.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Chancery",
            new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 30, Timeout = 120, ApplicationName = app == first ? "instance-1" : "instance-2" }.ConnectionString))
        : app;

    public async Task DisposeAsync()
    {
        if (second is not null)
            await second.DisposeAsync();
        if (first is not null)
            await first.DisposeAsync();
    }

    [Fact]
    public async Task TwoThousandRequestsOnTwoInstances_FiftySlots_ExactlyFiftyBookings()
    {
        var post = await first!.CreatePostAsync();
        var service = await first.CreateServiceAsync(post);
        var slots = await first.AddReleasedSlotsAsync(service, Slots);
        var identities = Enumerable.Range(0, Identities).Select(_ => SampleAppointments.NewIdentity()).ToList();
        var tokens = await first.WithDbAsync(async db =>
        {
            var now = first.Clock.GetUtcNow().UtcDateTime;
            var made = new List<string>(Requests);
            for (var i = 0; i < Requests; i++)
            {
                var token = Secrets.NewToken();
                var identity = identities[i % Identities];
                db.BookingRequests.Add(new BookingRequest
                {
                    TokenHash = Secrets.Hash(token), Purpose = BookingPurpose.Book, PostId = post.Id, ServiceId = service.Id,
                    DocumentNumber = identity.DocumentNumber, IssuingState = identity.IssuingState, Surname = identity.Surname, BirthDate = identity.BirthDate,
                    Email = $"c{i}@example.org", Language = "fr", CodeHash = "", CodeExpiresAt = now.AddMinutes(10),
                    VerifiedAt = now, CreatedAt = now, ExpiresAt = now + BookingRequest.VerifiedLifetime,
                });
                made.Add(token);
            }

            await db.SaveChangesAsync();
            return made;
        });

        // Every person has the slot page open (its form, cookie and antiforgery token) before anyone submits.
        using var gate = new SemaphoreSlim(32);
        var instances = new[] { Instance(first), Instance(second!) };
        var prepared = await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var app = instances[i % 2];
                var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                var page = await client.GetStringAsync(new Uri($"/rendez-vous/creneau/{token}", UriKind.Relative));
                return (Client: client, Token: token, Antiforgery: AntiforgeryField().Match(page).Groups[1].Value, Index: i);
            }
            finally
            {
                gate.Release();
            }
        }));

        var statuses = await Task.WhenAll(prepared.Select(p => Task.Run(async () =>
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = p.Antiforgery };
            if (p.Index % 2 == 0)
                fields["premier"] = "true";
            else
                fields["SlotId"] = slots[RandomNumberGenerator.GetInt32(Slots)].ToString(CultureInfo.InvariantCulture);
            using var content = new FormUrlEncodedContent(fields);
            using var response = await p.Client.PostAsync(new Uri($"/rendez-vous/creneau/{p.Token}", UriKind.Relative), content);
            return response.StatusCode;
        })));
        foreach (var p in prepared)
            p.Client.Dispose();

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)s}"));
        var bookings = await first.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.ServiceId == service.Id).ToListAsync());
        Assert.Equal(Slots, bookings.Count);
        Assert.Equal(Slots, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.All(bookings, b => Assert.Equal(BookingState.Confirmed, b.State));
        Assert.Equal(Slots, bookings.Select(b => b.SlotId).Distinct().Count());
        Assert.Equal(Slots, bookings.Select(b => b.Identity.Key).Distinct().Count());
        Assert.Equal(Slots, await first.WithDbAsync(db => db.Slots.CountAsync(s => s.ServiceId == service.Id && s.State == SlotState.Booked)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class ConcurrentBookingTestsPostgres() : ConcurrentBookingTests(DatabaseKind.Postgres);

public sealed class ConcurrentBookingTestsSqlite() : ConcurrentBookingTests(DatabaseKind.Sqlite);
