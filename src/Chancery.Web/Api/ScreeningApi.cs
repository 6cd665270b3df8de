using System.ComponentModel.DataAnnotations;
using Chancery.Core.Common;
using Chancery.Core.Options;
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

    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var screening = api.MapGroup("/screening").WithTags("Screening");
        screening.MapPost("/compare", CompareAsync)
            .WithSummary("Score two person names")
            .WithDescription("Compares two person names alone (no birth date or nationality) with the same matcher and threshold (`Chancery:Screening:MatchThreshold`) as the case workflow, and explains the score: which parts aligned and which rules applied. Needs the SecurityOfficer role.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> CompareAsync(CompareNames body, CurrentActor current, IOptions<ChanceryOptions> options, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return ApiProblems.NoActor();
        if (!actor.Has(Role.SecurityOfficer))
            return ApiProblems.From(Error.Forbidden("Screening needs the role 'SecurityOfficer'."));
        var threshold = options.Value.Screening.MatchThreshold;
        var result = NameMatcher.Compare(body.Name1, body.Name2);
        return TypedResults.Ok(new Comparison(Math.Round(result.Score, 4), result.Score >= threshold, threshold, result.Reasons));
    }
}
