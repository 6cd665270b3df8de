namespace Chancery.Core.Screening;

/// <summary>One name of a listed person: the primary name, an alias, or the name in its original script.</summary>
public sealed class WatchlistName
{
    public long Id { get; private set; }

    public long EntryId { get; private set; }

    public required string Name { get; init; }

    /// <summary>Primary, Alias or OriginalScript.</summary>
    public required string Kind { get; init; }

    /// <summary>The source's quality of an alias where it gives one (UN: Good or Low; OFAC: strong or weak).</summary>
    public string? Quality { get; init; }
}
