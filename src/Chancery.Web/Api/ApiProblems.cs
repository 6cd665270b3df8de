using Chancery.Core.Common;

namespace Chancery.Web.Api;

/// <summary>Turns an expected failure into RFC 9457 problem details with the right status.</summary>
internal static class ApiProblems
{
    public static IResult From(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Kind == ErrorKind.Validation)
        {
            var errors = new Dictionary<string, string[]> { [error.Field ?? "request"] = [error.Message] };
            return TypedResults.ValidationProblem(errors, detail: error.Message, extensions: Extensions(error));
        }

        var (status, title) = error.Kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            _ => (StatusCodes.Status400BadRequest, "Bad request"),
        };
        return TypedResults.Problem(error.Message, statusCode: status, title: title, extensions: Extensions(error));
    }

    public static IResult NoActor() =>
        TypedResults.Problem("This API key or account is not allowed here.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    private static Dictionary<string, object?> Extensions(Error error) => new() { ["code"] = error.Code };
}
