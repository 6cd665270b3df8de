namespace Chancery.Core.Screening;

/// <summary>One attempt at importing a list: kept whether it succeeded or not, for the import history.</summary>
public sealed class WatchlistImport
{
    public long Id { get; private set; }

    public required string ListName { get; init; }

    public required string Format { get; init; }

    public string? FileName { get; init; }

    public required DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; set; }

    public required string ImportedBy { get; init; }

    public bool Succeeded { get; set; }

    /// <summary>The list version the import produced, when it succeeded.</summary>
    public int? Version { get; set; }

    public int Individuals { get; set; }

    public int Aliases { get; set; }

    public int Skipped { get; set; }

    /// <summary>The summary or the error, one paragraph.</summary>
    public string? Message { get; set; }
}
