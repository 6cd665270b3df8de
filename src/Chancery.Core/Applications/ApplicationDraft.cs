namespace Chancery.Core.Applications;

/// <summary>
/// An application being filled in, without an account. The browser holds a random access key
/// (only its SHA-256 is kept); an e-mailed link and a one-time code give it back on another day or device.
/// A draft is erased 30 days after it was started.
/// </summary>
public sealed class ApplicationDraft
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required ApplicationForm Form { get; init; }

    /// <summary><c>fr</c> or <c>en</c>: the language of the e-mails.</summary>
    public required string Language { get; set; }

    public string AnswersJson { get; set; } = "{}";

    /// <summary>SHA-256 (hex) of the key in the browser's cookie.</summary>
    public required string AccessKeyHash { get; set; }

    /// <summary>SHA-256 (hex) of the token in the e-mailed resume link, while one is outstanding.</summary>
    public string? ResumeTokenHash { get; set; }

    /// <summary>SHA-256 (hex) of the one-time code sent when the link is opened.</summary>
    public string? ResumeCodeHash { get; set; }

    public DateTime? ResumeCodeExpiresAt { get; set; }

    public int ResumeCodeAttempts { get; set; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; set; }

    public required DateTime ExpiresAt { get; init; }

    public ApplicationAnswers Answers
    {
        get => ApplicationAnswers.FromJson(AnswersJson);
        set => AnswersJson = (value ?? throw new ArgumentNullException(nameof(value))).ToJson();
    }
}
