namespace Chancery.Core.Breach;

/// <summary>
/// One person whose data the compromised source touched: the record that says whose data it is
/// (<c>person</c>, <c>booking</c>, <c>draft</c>, <c>application</c> and its id), who they are and how to reach them
/// (null when the record is gone, e.g. an erased draft), and what the audit log says was touched and when.
/// </summary>
public sealed record BreachSubject(
    string SubjectType,
    string SubjectId,
    string? Name,
    string? Contact,
    string Language,
    IReadOnlyList<string> Fields,
    bool Written,
    DateTime FirstAccess,
    DateTime LastAccess,
    int Accesses)
{
    /// <summary>A name safe for a file: the type and the id.</summary>
    public string Key => $"{SubjectType}-{SubjectId}";
}
