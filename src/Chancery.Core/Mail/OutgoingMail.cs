namespace Chancery.Core.Mail;

/// <summary>One message to one recipient.</summary>
/// <param name="To">The one recipient's address; a message for several people is sent once per person, so no one sees another's address.</param>
/// <param name="Subject">The subject, in any script (it is encoded for transport).</param>
/// <param name="TextBody">The plain-text body, always sent: it is what every client can show.</param>
/// <param name="HtmlBody">An optional HTML version of the same text, sent as an alternative to it.</param>
/// <param name="Attachments">Files sent with it (e.g. the QR code of a booking), none by default.</param>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<MailAttachment>? Attachments = null);
