using System.Net.Sockets;
using System.Text;
using Chancery.TestCommon.Smtp;

namespace Chancery.Core.Tests.Infrastructure;

public sealed class SmtpSinkTests
{
    [Fact]
    public async Task WaitForMessage_AfterOneIsSent_ReturnsEnvelopeAndRawText()
    {
        await using var sink = await SmtpSink.StartAsync();

        await SendAsync(sink.Port, "consulat@example.org", ["applicant@example.net", "copy@example.net"], """
            From: Consulat <consulat@example.org>
            To: applicant@example.net
            Subject: Votre rendez-vous
            Content-Type: text/plain; charset=utf-8

            Bonjour,
            .leading dot survives transparency.
            """);

        var mail = await sink.WaitForMessageAsync(m => m.Header("Subject") == "Votre rendez-vous");
        Assert.Equal("consulat@example.org", mail.From);
        Assert.Equal(["applicant@example.net", "copy@example.net"], mail.To);
        Assert.Contains("\r\n\r\nBonjour,\r\n.leading dot survives transparency.\r\n", mail.Raw, StringComparison.Ordinal);
        Assert.Single(sink.Messages());
    }

    [Fact]
    public async Task WaitForMessage_NothingSent_TimesOut()
    {
        await using var sink = await SmtpSink.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => sink.WaitForMessageAsync(timeout: TimeSpan.FromMilliseconds(200)));
        Assert.Empty(sink.Messages());
    }

    // Plain SMTP by hand, so the sink is tested without the mail client the application uses.
    private static async Task SendAsync(int port, string from, string[] to, string message)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

        async Task ExpectAsync(string code)
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync() ?? throw new IOException("The server closed the connection.");
            }
            while (line.Length > 3 && line[3] == '-');
            Assert.StartsWith(code, line, StringComparison.Ordinal);
        }

        async Task CommandAsync(string command, string code)
        {
            await writer.WriteLineAsync(command);
            await ExpectAsync(code);
        }

        await ExpectAsync("220");
        await CommandAsync("EHLO tests.example", "250");
        await CommandAsync($"MAIL FROM:<{from}>", "250");
        foreach (var recipient in to)
            await CommandAsync($"RCPT TO:<{recipient}>", "250");
        await CommandAsync("DATA", "354");
        foreach (var line in message.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            await writer.WriteLineAsync(line.StartsWith('.') ? "." + line : line);
        await CommandAsync(".", "250");
        await CommandAsync("QUIT", "221");
    }
}
