namespace Chancery.Core.Applications;

/// <summary>The answers an applicant (or a partner system) submitted, kept beside the case they created.</summary>
public sealed class SubmittedApplication
{
    public required Guid CaseId { get; init; }

    public required ApplicationForm Form { get; init; }

    /// <summary><c>fr</c> or <c>en</c>.</summary>
    public required string Language { get; init; }

    public required string AnswersJson { get; set; }

    /// <summary>Where the receipt and any request for a correction are sent.</summary>
    public required string Email { get; set; }

    /// <summary><c>online</c>, or <c>api:</c> and the partner's client id.</summary>
    public required string Channel { get; init; }

    public required DateTime SubmittedAt { get; init; }

    public ApplicationAnswers Answers
    {
        get => ApplicationAnswers.FromJson(AnswersJson);
        set => AnswersJson = (value ?? throw new ArgumentNullException(nameof(value))).ToJson();
    }
}
