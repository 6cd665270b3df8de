using System.ComponentModel.DataAnnotations;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Options;
using Chancery.Core.Screening;
using Chancery.Web.Cli;
using Chancery.Core.Screening.Matching;
using Chancery.Core.Staff;
using Chancery.Web.Security;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Api;

/// <summary>Name screening for partner systems.</summary>
internal static class ScreeningApi
{
    /// <summary>Two person names to compare.</summary>
    public sealed record CompareNames(
        [property: Required, StringLength(300, MinimumLength = 1)] string Name1,
        [property: Required, StringLength(300, MinimumLength = 1)] string Name2);

    /// <summary>The score in [0, 1], whether it reaches the configured threshold, and why.</summary>
    public sealed record Comparison(double Score, bool Match, double Threshold, IReadOnlyList<string> Reasons);

    /// <summary>A person to screen against every loaded watchlist.</summary>
    /// <param name="Name">The full name as written on the travel document or as known ("FAMILY, Given" tells which part is the family name).</param>
    /// <param name="BirthDate">YYYY, YYYY-MM or YYYY-MM-DD, when known: raises or lowers the score.</param>
    /// <param name="Nationality">ISO 3166-1 alpha-3 code, when known.</param>
    /// <param name="MaxHits">At most this many hits (1–100, default 20).</param>
    public sealed record SearchPerson(
        [property: Required, StringLength(300, MinimumLength = 1)] string Name,
        [property: StringLength(10)] string? BirthDate,
        [property: StringLength(3)] string? Nationality,
        [property: Range(1, 100)] int? MaxHits);

    /// <summary>The listed persons found, best first, and the list versions searched.</summary>
    public sealed record SearchResult(IReadOnlyList<ScreenCommand.Hit> Hits, double Threshold, string Lists, int ListedPersons);

    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var screening = api.MapGroup("/screening").WithTags("Screening");
        screening.MapPost("/search", SearchAsync)
            .WithSummary("Screen a person against the watchlists")
            .WithDescription("Searches every loaded watchlist with the same index, matcher and threshold (`Chancery:Screening:MatchThreshold`) as the case workflow. Each hit names the listed person, the name that matched (primary, alias or original script), the score and the reasons: aligned parts, rules applied, birth date and nationality adjustments. POST, so that names never appear in addresses or logs. Needs the SecurityOfficer role. While the index is rebuilt after a list changed, answers 503 with Retry-After.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        screening.MapPost("/compare", CompareAsync)
            .WithSummary("Score two person names")
            .WithDescription("Compares two person names alone (no birth date or nationality) with the same matcher and threshold (`Chancery:Screening:MatchThreshold`) as the case workflow, and explains the score: which parts aligned and which rules applied. Needs the SecurityOfficer role.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> SearchAsync(
        SearchPerson body, CurrentActor current, ScreeningIndexHolder holder, ChanceryDb db, IOptions<ChanceryOptions> options, HttpContext http, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        if (!actor.Roles.Overlaps(AccessMatrix.Screeners))
            return ApiProblems.From(Error.Forbidden("Screening needs the role 'SecurityOfficer'."));
        var args = new List<string> { "--name", body.Name };
        if (body.BirthDate is not null)
            args.AddRange(["--birth-date", body.BirthDate]);
        if (body.Nationality is not null)
            args.AddRange(["--nationality", body.Nationality]);
        var (query, problem) = ScreenCommand.ParseSearch(args);
        if (query is null)
        {
            var field = problem!.Contains("birth date", StringComparison.Ordinal) ? "birthDate" : problem.Contains("nationality", StringComparison.Ordinal) ? "nationality" : "name";
            return ApiProblems.From(Error.Validation(field, char.ToUpperInvariant(problem[0]) + problem[1..]));
        }

        var snapshot = await holder.GetCurrentAsync(db, options.Value.Screening.IndexWait, ct);
        if (snapshot is null)
        {
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The watchlist index is being rebuilt",
                detail: "A list changed and the index of its new version is not ready yet; try again in a moment.");
        }

        var threshold = options.Value.Screening.MatchThreshold;
        var hits = snapshot.Index.Search(query, threshold, body.MaxHits ?? 20).Select(ScreenCommand.ToHit).ToList();
        return TypedResults.Ok(new SearchResult(hits, threshold, snapshot.Describe(), snapshot.Index.Entries));
    }

    private static async Task<IResult> CompareAsync(CompareNames body, CurrentActor current, IOptions<ChanceryOptions> options, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        if (!actor.Roles.Overlaps(AccessMatrix.Screeners))
            return ApiProblems.From(Error.Forbidden("Screening needs the role 'SecurityOfficer'."));
        var threshold = options.Value.Screening.MatchThreshold;
        var result = NameMatcher.Compare(body.Name1, body.Name2);
        return TypedResults.Ok(new Comparison(Math.Round(result.Score, 4), result.Score >= threshold, threshold, result.Reasons));
    }
}
