namespace Chancery.Core.Mail;

/// <summary>A file sent with a message. With a <paramref name="ContentId"/> it is shown inside the HTML body (<c>cid:</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? ContentId = null);
