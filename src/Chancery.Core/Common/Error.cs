namespace Chancery.Core.Common;

/// <summary>An expected failure: a value, not an exception.</summary>
/// <param name="Kind">Maps to 400, 404, 409 or 403.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>case.illegal-transition</c>.</param>
/// <param name="Message">A sentence for the person who asked.</param>
/// <param name="Field">The input field at fault, when there is one.</param>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static Error NotFound(string what) => new(ErrorKind.NotFound, "not-found", $"{what} was not found.");

    public static Error Validation(string field, string message) => new(ErrorKind.Validation, "validation", message, field);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, "forbidden", message);
}
