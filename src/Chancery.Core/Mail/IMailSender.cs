namespace Chancery.Core.Mail;

/// <summary>Hands e-mail over to whatever delivers it (an SMTP server, or a directory on the local run).</summary>
public interface IMailSender
{
    /// <summary>Returns once the message has been handed over; delivery to the mailbox is not awaited.</summary>
    /// <exception cref="MailNotSentException">It could not be handed over (server down, recipient refused...).</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
