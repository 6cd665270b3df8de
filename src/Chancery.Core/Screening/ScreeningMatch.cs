namespace Chancery.Core.Screening;

/// <summary>
/// One reason a screening was a hit, kept with the screening so that the security officer (and any
/// later review) sees exactly what matched: a listed person of a watchlist version, or a travel
/// document on the register of lost, stolen and invalidated documents.
/// </summary>
public sealed class ScreeningMatch
{
    public const string WatchlistSource = "Watchlist";
    public const string DocumentRegisterSource = "DocumentRegister";

    public long Id { get; private set; }

    /// <summary>Names the row in the associated data of its sealed fields: the database numbers <see cref="Id"/> only on insert.</summary>
    public Guid RowKey { get; private set; } = Guid.CreateVersion7();

    public Guid ScreeningResultId { get; private set; }

    /// <summary>Watchlist or DocumentRegister.</summary>
    public required string Source { get; init; }

    /// <summary>Who on the case was screened: Applicant, FirstParent or SecondParent.</summary>
    public required string Subject { get; init; }

    /// <summary>The name (or document number) screened, as the case gives it; sealed.</summary>
    public required string Screened { get; init; }

    /// <summary>The list's name, or the register's.</summary>
    public required string ListName { get; init; }

    /// <summary>The list version screened against (watchlist hits only).</summary>
    public int? ListVersion { get; init; }

    /// <summary>The entry of that list version (watchlist hits only: entries are replaced by the next import).</summary>
    public long? EntryId { get; init; }

    /// <summary>The source's own identifier of the listed person, or the register entry's id (its number is sealed there).</summary>
    public required string SourceId { get; init; }

    public required string PrimaryName { get; init; }

    public required string MatchedName { get; init; }

    /// <summary>Primary, Alias or OriginalScript; the register status for a document.</summary>
    public required string MatchedKind { get; init; }

    public required double Score { get; init; }

    /// <summary>Listed birth dates and nationalities, as the list gives them.</summary>
    public string? ListedDetails { get; init; }

    /// <summary>The explanation, one reason per line: aligned parts (the screened name's among them), rules, context adjustments; sealed.</summary>
    public required string Reasons { get; init; }
}
