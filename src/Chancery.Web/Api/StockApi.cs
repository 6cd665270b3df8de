using System.ComponentModel.DataAnnotations;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Api;

/// <summary>Blank booklets, cards and stickers held by posts.</summary>
internal static class StockApi
{
    public sealed record ReceiveStock(
        [property: Required, StringLength(8)] string PostCode,
        [property: Required] StockKind? Kind,
        [property: Required, StringLength(4, MinimumLength = 1)] string Prefix,
        [property: Range(0, 99_999_999)] long FirstSerial,
        [property: Range(0, 99_999_999)] long LastSerial);

    public sealed record SpoilItem([property: Required, StringLength(500, MinimumLength = 3)] string Reason);

    public static RouteGroupBuilder MapStockApi(this RouteGroupBuilder api)
    {
        var stock = api.MapGroup("/stock").WithTags("Stock");
        stock.MapGet("/", ListAsync).WithSummary("Stock ranges and spoiled items of the caller's posts");
        stock.MapPost("/", ReceiveAsync).WithSummary("Record a range of blanks received")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        stock.MapPost("/{id:int}/spoiled", SpoilAsync).WithSummary("Record that the next blank of a range was spoiled")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(string? post, CurrentActor current, ListStock list, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return actor is null ? ApiProblems.NoActor() : TypedResults.Ok(await list.ExecuteAsync(actor, post, ct));
    }

    private static async Task<IResult> ReceiveAsync(ReceiveStock body, CurrentActor current, ManageStock manage, ChanceryDb db, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var postId = await db.Posts.Where(p => p.Code == body.PostCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (postId is null || !actor.Sees(postId.Value))
            return ApiProblems.From(Chancery.Core.Common.Error.Validation("postCode", $"There is no post '{body.PostCode}' you work for."));
        var result = await manage.ReceiveAsync(postId.Value, body.Kind!.Value, body.Prefix, body.FirstSerial, body.LastSerial, actor, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/stock/{result.Value.Id}", new { result.Value.Id, result.Value.Remaining })
            : ApiProblems.From(result.Error);
    }

    private static async Task<IResult> SpoilAsync(int id, SpoilItem body, CurrentActor current, ManageStock manage, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        var result = await manage.SpoilNextAsync(id, body.Reason, actor, ct);
        return result.IsSuccess ? TypedResults.Ok(new { result.Value.DocumentNumber, result.Value.Reason }) : ApiProblems.From(result.Error);
    }
}
