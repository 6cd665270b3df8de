namespace Chancery.Core.Applications;

/// <summary>
/// What is wrong with one answer. <paramref name="Code"/> is stable (pages show the text
/// <c>apply.error.{Code}</c>); <paramref name="Message"/> says the same in English for the API.
/// </summary>
public sealed record AnswerError(string Field, string Code, string Message)
{
    /// <summary>Values the page text may quote, such as a maximum length.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
