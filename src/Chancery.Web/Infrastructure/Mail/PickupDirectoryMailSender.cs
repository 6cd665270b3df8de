using System.Globalization;
using System.Security.Cryptography;
using Chancery.Core.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chancery.Web.Infrastructure.Mail;

/// <summary>
/// Writes each message as a .eml file into the pickup directory, for the local run (open it in any
/// mail client) or for a relay that watches the directory.
/// </summary>
internal sealed partial class PickupDirectoryMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<PickupDirectoryMailSender> log)
    : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = SmtpMailSender.BuildMessage(mail, settings, clock);
        // Encoded as it would go over the wire to a server without 8BITMIME, so any reader can take the file.
        message.Prepare(EncodingConstraint.SevenBit);

        var directory = settings.PickupDirectory!;
        // Sorted by time; the random part keeps two messages of the same millisecond apart.
        var name = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)
            + "-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var path = Path.Combine(directory, name + ".eml");
        // A watcher never sees a half-written file: it gets a name it does not pick up until complete.
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
                await message.WriteToAsync(file, ct);
            File.Move(temporary, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            var failure = new MailNotSentException("Could not write the mail into Chancery:Mail:PickupDirectory.", e);
            LogFailed(log, message.MessageId, failure);
            throw failure;
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            throw;
        }

        LogWritten(log, message.MessageId, name + ".eml");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray .tmp file is harmless: nothing picks up that extension.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} written to the pickup directory as {FileName}")]
    private static partial void LogWritten(ILogger logger, string? messageId, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} failed")]
    private static partial void LogFailed(ILogger logger, string? messageId, Exception exception);
}
