namespace Chancery.Core.Screening.Import;

/// <summary>A nationality or citizenship as the source wrote it, and its ISO 3166-1 alpha-3 code when known.</summary>
public sealed record ParsedNationality(string Text, string? Alpha3);
