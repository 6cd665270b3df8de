using System.Net.Sockets;
using System.Text;
using Chancery.Core.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Chancery.Web.Infrastructure.Mail;

/// <summary>
/// Sends each message over its own SMTP connection: MailKit's client is not thread-safe, and at
/// Chancery's volume a connection per message costs nothing worth a pool.
/// </summary>
internal sealed partial class SmtpMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<SmtpMailSender> log) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = BuildMessage(mail, settings, clock);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            // Host is set: the options refuse smtp without it.
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings.Security), ct);
            if (!string.IsNullOrWhiteSpace(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (IsSendingFailure(e, ct))
        {
            var failure = NotSent(e);
            LogFailed(log, message.MessageId, failure);
            throw failure;
        }

        LogSent(log, message.MessageId);
    }

    /// <summary>The message both senders hand over: text/plain, or multipart/alternative with the HTML.</summary>
    internal static MimeMessage BuildMessage(OutgoingMail mail, MailOptions settings, TimeProvider clock)
    {
        // The parser's own message may quote the address: this one says only what is wrong.
        if (!MailboxAddress.TryParse(mail.To, out var to))
            throw new ArgumentException("The recipient is not one mailbox address.", nameof(mail));
        var from = MailboxAddress.Parse(settings.From);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = clock.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(from.Domain),
        };
        message.From.Add(from);
        message.To.Add(to);

        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, mail.TextBody);
        MimeEntity body;
        if (mail.HtmlBody is null)
        {
            body = text;
        }
        else
        {
            var html = new TextPart(TextFormat.Html);
            html.SetText(Encoding.UTF8, mail.HtmlBody);
            // Least faithful first: clients show the last part they can render.
            body = new MultipartAlternative { text, html };
        }

        if (mail.Attachments is { Count: > 0 } attachments)
        {
            var mixed = new Multipart("mixed") { body };
            foreach (var a in attachments)
            {
                var part = new MimePart(ContentType.Parse(a.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(a.Content.ToArray())),
                    ContentDisposition = new ContentDisposition(a.ContentId is null ? ContentDisposition.Attachment : ContentDisposition.Inline),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = a.FileName,
                };
                if (a.ContentId is not null)
                    part.ContentId = a.ContentId;
                mixed.Add(part);
            }

            body = mixed;
        }

        message.Body = body;
        return message;
    }

    private static SecureSocketOptions SocketOptions(string security) => security switch
    {
        "none" => SecureSocketOptions.None,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    // A cancellation the caller asked for is not a failure to send; one from MailKit's own timeout is.
    private static bool IsSendingFailure(Exception e, CancellationToken ct) =>
        e is CommandException or ProtocolException or AuthenticationException or SslHandshakeException
            or SocketException or IOException or TimeoutException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    private static MailNotSentException NotSent(Exception e) => e switch
    {
        // The server's own text often quotes the refused address, so it is left out: only the codes are kept.
        SmtpCommandException c => new MailNotSentException(
            $"The SMTP server refused the {Refused(c.ErrorCode)} ({(int)c.StatusCode} {c.StatusCode})."),
        AuthenticationException or SslHandshakeException => new MailNotSentException(
            "Could not sign in to the SMTP server or secure the connection to it; see Chancery:Mail.", e),
        _ => new MailNotSentException("Could not reach the SMTP server or it broke off the conversation.", e),
    };

    private static string Refused(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient",
        SmtpErrorCode.SenderNotAccepted => "sender",
        SmtpErrorCode.MessageNotAccepted => "message",
        _ => "command",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} sent")]
    private static partial void LogSent(ILogger logger, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} failed")]
    private static partial void LogFailed(ILogger logger, string? messageId, Exception exception);
}
