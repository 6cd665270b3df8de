using System.Text.Json;
using Chancery.Core.Appointments;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Api;

/// <summary>
/// The payment provider's webhook. It carries no API key: it is authenticated by its signature, an
/// HMAC-SHA256 over the timestamp and the exact body with the secret shared with the provider
/// (<c>Chancery:Payments:WebhookSecret</c>). Unsigned, wrongly signed, stale (more than 5 minutes off)
/// and replayed notices are refused and change nothing.
/// </summary>
internal static class PaymentsApi
{
    public const string Route = "/api/v1/payments/notifications";
    public const string TimestampHeader = "Chancery-Timestamp";
    public const string SignatureHeader = "Chancery-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    public static IEndpointConventionBuilder MapPaymentsApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Payments")
            .WithSummary("Payment provider's signed notice that a booking's fee was paid.");

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<PaymentOptions> options, ConfirmPayment confirm, TimeProvider clock, CancellationToken ct)
    {
        var secret = options.Value.SecretBytes;
        if (secret is null)
            return TypedResults.Problem("Payments are not configured on this server.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > 64 * 1024)
            return TypedResults.Problem("The notice is too large.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        var body = buffer.ToArray();
        var check = PaymentSignature.Verify(secret, request.Headers[TimestampHeader], request.Headers[SignatureHeader], body, clock.GetUtcNow());
        switch (check)
        {
            case PaymentSignature.Check.Missing:
                return TypedResults.Problem($"The notice must carry the {TimestampHeader} and {SignatureHeader} headers.", statusCode: StatusCodes.Status401Unauthorized, title: "Unsigned");
            case PaymentSignature.Check.Stale:
                return TypedResults.Problem("The notice's timestamp is more than 5 minutes from the server's clock.", statusCode: StatusCodes.Status401Unauthorized, title: "Stale");
            case PaymentSignature.Check.Mismatch:
                return TypedResults.Problem("The signature does not match the body.", statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature");
        }

        PaymentNoticeBody? notice;
        try
        {
            notice = JsonSerializer.Deserialize<PaymentNoticeBody>(body, Json);
        }
        catch (JsonException)
        {
            notice = null;
        }

        if (notice is null)
            return TypedResults.Problem("The body is not a payment notice.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        var confirmed = await confirm.ExecuteAsync(notice, ct);
        return confirmed.IsSuccess
            ? TypedResults.Ok(new { reference = confirmed.Value.Reference, state = confirmed.Value.State.ToString() })
            : ApiProblems.From(confirmed.Error);
    }
}
