namespace Chancery.Core.Screening.Import;

/// <summary>
/// One listed person or entity in a source-neutral shape. <see cref="FamilyName"/> and
/// <see cref="GivenNames"/> are set only when the source says which part is which
/// (OFAC "LAST, First", Chancery CSV); the UN list does not.
/// </summary>
public sealed record ParsedWatchlistEntry
{
    public required string SourceId { get; init; }

    public required string SourceList { get; init; }

    public required string PrimaryName { get; init; }

    public string? FamilyName { get; init; }

    public string? GivenNames { get; init; }

    public required bool IsIndividual { get; init; }

    public IReadOnlyList<ParsedAlias> Aliases { get; init; } = [];

    public IReadOnlyList<string> OriginalScriptNames { get; init; } = [];

    public IReadOnlyList<ParsedBirthDate> BirthDates { get; init; } = [];

    public IReadOnlyList<ParsedNationality> Nationalities { get; init; } = [];

    public IReadOnlyList<ParsedPassport> Passports { get; init; } = [];

    /// <summary>Sanctions programs or list types (OFAC programs, UN list type).</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    public string? Reason { get; init; }
}
