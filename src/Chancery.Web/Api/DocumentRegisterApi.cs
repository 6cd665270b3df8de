using System.ComponentModel.DataAnnotations;
using Chancery.Core.Screening;
using Chancery.Web.Security;

namespace Chancery.Web.Api;

/// <summary>The register of lost, stolen and invalidated travel documents, for partner feeds.</summary>
internal static class DocumentRegisterApi
{
    /// <summary>A document reported lost or stolen.</summary>
    /// <param name="DocumentNumber">As printed; spaces and punctuation are ignored.</param>
    /// <param name="IssuingState">Doc 9303 code of the issuing state.</param>
    /// <param name="Status">Lost or Stolen.</param>
    /// <param name="Source">Who reported it: a post, the holder, a partner's list.</param>
    /// <param name="Reason">Free text.</param>
    public sealed record Report(
        [property: Required, StringLength(30, MinimumLength = 1)] string DocumentNumber,
        [property: Required, StringLength(3, MinimumLength = 1)] string IssuingState,
        [property: Required] RegisteredDocumentStatus? Status,
        [property: Required, StringLength(100, MinimumLength = 1)] string Source,
        [property: StringLength(500)] string? Reason);

    public sealed record Registered(long Id, string DocumentNumber, string IssuingState, RegisteredDocumentStatus Status, string Source, string? Reason, DateTime RecordedAt);

    public static RouteGroupBuilder MapDocumentRegisterApi(this RouteGroupBuilder api)
    {
        api.MapPost("/document-register", RegisterAsync)
            .WithTags("Screening")
            .WithSummary("Register a lost or stolen travel document")
            .WithDescription("Adds a document number and issuing state to the register that every screening checks: a visa case with that travel document goes to Hit at entry, and any case already entered does at its next screening. 409 if the number is already registered for that state. Needs the SecurityOfficer or Consul role.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> RegisterAsync(Report body, CurrentActor current, RegisterDocument register, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var result = await register.ExecuteAsync(new RegisterDocument.Report(body.DocumentNumber, body.IssuingState, body.Status!.Value, body.Source, body.Reason), actor, ct);
        if (!result.IsSuccess)
            return ApiProblems.From(result.Error);
        var e = result.Value;
        return TypedResults.Created($"/api/v1/document-register/{e.Id}", new Registered(e.Id, e.DocumentNumber, e.IssuingState, e.Status, e.Source, e.Reason, e.RecordedAt));
    }
}
