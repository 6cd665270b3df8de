namespace Chancery.Core.Mail;

/// <summary>
/// A message could not be handed over. The message of this exception (and of any inner one) never holds
/// the recipient's address or the body: it ends up in logs, and they must hold no personal data.
/// </summary>
public sealed class MailNotSentException : Exception
{
    public MailNotSentException()
        : base("The mail could not be sent.")
    {
    }

    public MailNotSentException(string message)
        : base(message)
    {
    }

    public MailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
