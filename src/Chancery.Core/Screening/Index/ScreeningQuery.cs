using Chancery.Core.Screening.Matching;

namespace Chancery.Core.Screening.Index;

/// <summary>A person to screen: a full name, and where known a (partial) birth date and a nationality code.</summary>
public sealed record ScreeningQuery(string Name, BirthDate? BirthDate = null, string? Nationality = null);
