namespace Chancery.Core.Common;

/// <summary>What kind of expected failure an operation met; each maps to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}
