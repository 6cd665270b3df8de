namespace Chancery.Core.Screening.Import;

/// <summary>One alias of a watchlist entry, as the source spells it.</summary>
public sealed record ParsedAlias(string Name, AliasKind Kind, AliasQuality Quality);
