using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

/// <summary>A listed person as the index holds them: every name, the birth dates and nationalities the list gives.</summary>
public sealed record IndexedEntry(
    long EntryId,
    string ListName,
    string SourceId,
    IReadOnlyList<IndexedName> Names,
    IReadOnlyList<BirthDate> BirthDates,
    IReadOnlyList<string> Nationalities);

/// <summary>One name of a listed person. <see cref="Kind"/> is Primary, Alias or OriginalScript.</summary>
public sealed record IndexedName(string Name, string Kind, string? Quality = null);
