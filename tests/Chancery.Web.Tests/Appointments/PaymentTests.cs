using System.Globalization;
using System.Net;
using System.Text;
using Chancery.Core.Appointments;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Web.Tests.Appointments;

// Prepaid services: a booking holds its slot awaiting payment; only the provider's signed webhook confirms it.
// Unsigned, wrongly signed, stale and replayed notices are refused and change nothing; an unpaid booking lapses
// at its deadline and its slot returns to the pool.
public abstract class PaymentTests(AppFixture fixture)
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(ChanceryApp.PaymentWebhookSecret);

    private ChanceryApp App => fixture.App;

    [Fact]
    public async Task Webhook_SignedOnce_ConfirmsTheBooking_AndEveryOtherNoticeIsRefused()
    {
        var booking = await PrepaidBookingAsync();
        Assert.Equal(BookingState.AwaitingPayment, booking.State);
        using var client = App.CreateClient();
        var body = Body(booking.Reference, 4500, "EUR");

        var unsigned = await PostAsync(client, body, null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var wrongSecret = await PostAsync(client, body, Now(), PaymentSignature.Sign(Encoding.UTF8.GetBytes("another-secret-of-someone-else-entirely"), Now(), Encoding.UTF8.GetBytes(body)));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        var stale = Now() - 301;
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, body, stale, PaymentSignature.Sign(Secret, stale, Encoding.UTF8.GetBytes(body)))).StatusCode);
        var tampered = body.Replace("4500", "4501", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, tampered, Now(), PaymentSignature.Sign(Secret, Now(), Encoding.UTF8.GetBytes(body)))).StatusCode);
        Assert.Equal(BookingState.AwaitingPayment, await StateAsync(booking.Id));

        var wrongAmount = Body(booking.Reference, 100, "EUR");
        var underpaid = await SignedAsync(client, wrongAmount);
        Assert.Equal(HttpStatusCode.BadRequest, underpaid.StatusCode);
        Assert.Equal(BookingState.AwaitingPayment, await StateAsync(booking.Id));

        var paid = await SignedAsync(client, body);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(BookingState.Confirmed, await StateAsync(booking.Id));

        var replayed = await SignedAsync(client, body);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Contains("application/problem+json", replayed.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        var garbage = await SignedAsync(client, "{\"eventId\": 12");
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task UnpaidBooking_AtItsDeadline_LapsesAndItsSlotGoesBackToThePool()
    {
        var booking = await PrepaidBookingAsync();
        App.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var lapsed = await App.WithServicesAsync(sp => sp.GetRequiredService<ExpireUnpaidBookings>().ExecuteAsync(CancellationToken.None));

        Assert.True(lapsed >= 1);
        Assert.Equal(BookingState.Lapsed, await StateAsync(booking.Id));
        Assert.Equal(SlotState.Pool, await App.WithDbAsync(db => db.Slots.Where(s => s.Id == booking.SlotId).Select(s => s.State).SingleAsync()));

        // A payment arriving after the lapse confirms nothing.
        using var client = App.CreateClient();
        var late = await SignedAsync(client, Body(booking.Reference, 4500, "EUR"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(BookingState.Lapsed, await StateAsync(booking.Id));
    }

    private async Task<Booking> PrepaidBookingAsync()
    {
        var post = await App.CreatePostAsync();
        var service = await App.CreateServiceAsync(post, ServiceKind.Passport, s =>
        {
            s.FeeMinor = 4500;
            s.Currency = "EUR";
            s.RequiresPrepayment = true;
            s.PaymentWindowHours = 2;
        });
        var slots = await App.AddReleasedSlotsAsync(service, 1);
        var request = await App.VerifiedRequestAsync(service, SampleAppointments.NewIdentity());
        var booked = await App.WithServicesAsync(sp => sp.GetRequiredService<BookAppointment>().ExecuteAsync(request.Id, slots[0], CancellationToken.None));
        return booked.Value.Booking;
    }

    private long Now() => App.Clock.GetUtcNow().ToUnixTimeSeconds();

    private static string Body(string reference, long amount, string currency) =>
        $$"""{"eventId":"evt_{{Guid.NewGuid():N}}","bookingReference":"{{reference}}","amountMinor":{{amount.ToString(CultureInfo.InvariantCulture)}},"currency":"{{currency}}","status":"succeeded","paymentReference":"pay_123"}""";

    private Task<HttpResponseMessage> SignedAsync(HttpClient client, string body) =>
        PostAsync(client, body, Now(), PaymentSignature.Sign(Secret, Now(), Encoding.UTF8.GetBytes(body)));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, long? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notifications") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (timestamp is { } t)
            request.Headers.Add("Chancery-Timestamp", t.ToString(CultureInfo.InvariantCulture));
        if (signature is not null)
            request.Headers.Add("Chancery-Signature", signature);
        return await client.SendAsync(request);
    }

    private Task<BookingState> StateAsync(Guid id) => App.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.State).SingleAsync());
}

public sealed class PaymentTestsSqlite(SqliteAppFixture fixture) : PaymentTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PaymentTestsPostgres(PostgresAppFixture fixture) : PaymentTests(fixture), IClassFixture<PostgresAppFixture>;
