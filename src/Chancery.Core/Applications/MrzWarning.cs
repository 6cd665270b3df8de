namespace Chancery.Core.Applications;

/// <summary>Something the applicant should check in the fields read from a machine readable zone.</summary>
/// <param name="Key">A stable key pages translate, e.g. <c>mrz.check.number</c>.</param>
/// <param name="Message">The warning in English.</param>
public sealed record MrzWarning(string Key, string Message);
