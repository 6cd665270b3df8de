using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Chancery.Web.Api;

/// <summary>
/// A body that is not valid JSON, or a value of the wrong type (an unknown enum name, an impossible
/// date), becomes a 400 problem naming the field at fault, never a 500.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
            return false;

        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var detail = json is null
            ? bad.Message
            : $"The request body is not valid: the value at '{field}' could not be read ({FirstSentence(json.Message)}).";
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = detail,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
