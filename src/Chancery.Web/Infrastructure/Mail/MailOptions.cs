using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Chancery.Web.Infrastructure.Mail;

/// <summary>The <c>Chancery:Mail</c> configuration section, validated at start.</summary>
internal sealed class MailOptions : IValidatableObject
{
    public const string Section = "Chancery:Mail";

    /// <summary>
    /// <c>pickup</c> (default): each message is written as a .eml file into <see cref="PickupDirectory"/>,
    /// so the local run needs no server; <c>smtp</c>: sent to <see cref="Host"/>.
    /// </summary>
    [RegularExpression("^(pickup|smtp)$")]
    public string Mode { get; set; } = "pickup";

    /// <summary>Defaults to <c>mail</c> beside the default SQLite database (<c>data/mail</c>); see <see cref="MailSetup"/>.</summary>
    public string? PickupDirectory { get; set; }

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>
    /// <c>starttls</c> (default): the server must offer STARTTLS or nothing is sent, so a misconfigured relay
    /// never gets personal data in clear; <c>tls</c>: TLS from the first byte (port 465);
    /// <c>none</c>: clear text, only for a relay on the same host or network (and the test sink).
    /// </summary>
    [RegularExpression("^(none|starttls|tls)$")]
    public string Security { get; set; } = "starttls";

    /// <summary>Authenticate only when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "Chancery <no-reply@chancery.invalid>";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsSmtp => Mode == "smtp";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsSmtp && string.IsNullOrWhiteSpace(Host))
            yield return new ValidationResult("Chancery:Mail:Mode is 'smtp' but Chancery:Mail:Host is empty.", [nameof(Host)]);
        if (!IsSmtp && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return new ValidationResult("Chancery:Mail:Mode is 'pickup' but Chancery:Mail:PickupDirectory is empty.", [nameof(PickupDirectory)]);
        if (!string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(UserName))
            yield return new ValidationResult("Chancery:Mail:Password is set without Chancery:Mail:UserName.", [nameof(UserName)]);
        if (!MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult("Chancery:Mail:From is not a mailbox such as 'Chancery <no-reply@example.org>'.", [nameof(From)]);
    }
}
