using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Chancery.Core.Mail;
using Chancery.TestCommon.Smtp;
using Chancery.Web.Infrastructure.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Chancery.Web.Tests.Mail;

// The senders against a real SMTP server (the aiosmtpd sink) and a real directory.
public sealed class MailSendingTests
{
    private const string Subject = "Votre demande n° LON-7KQ4 — reçu";
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Smtp_TextOnly_ArrivesWithRecipientFrenchSubjectAndBody()
    {
        await using var sink = await SmtpSink.StartAsync();
        var sender = Smtp(sink.Host, sink.Port);

        await sender.SendAsync(new OutgoingMail("amelie.dupont@example.org", Subject, "Bonjour Amélie,\nvotre demande est reçue."), default);

        var received = await sink.WaitForMessageAsync();
        Assert.Equal("no-reply@chancery.invalid", received.From);
        Assert.Equal(["amelie.dupont@example.org"], received.To);
        using var message = Parse(received);
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(Now, message.Date);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        var body = Assert.IsType<TextPart>(message.Body);
        Assert.True(body.IsPlain);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Equal("Bonjour Amélie,\nvotre demande est reçue.", body.Text.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Smtp_WithHtml_SendsTextAndHtmlAsAlternatives()
    {
        await using var sink = await SmtpSink.StartAsync();
        var sender = Smtp(sink.Host, sink.Port);

        await sender.SendAsync(new OutgoingMail("b@example.org", Subject, "Reçu.", "<p>Reçu.</p>"), default);

        using var message = Parse(await sink.WaitForMessageAsync());
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("Reçu.", message.TextBody?.Trim());
        Assert.Equal("<p>Reçu.</p>", message.HtmlBody?.Trim());
        // The plain text first: a client shows the last part it can render.
        Assert.True(((TextPart)alternative[0]).IsPlain);
    }

    [Fact]
    public async Task Smtp_ServerDown_ThrowsMailNotSentWithoutTheAddress()
    {
        var sender = Smtp("127.0.0.1", ClosedPort());

        var e = await Assert.ThrowsAsync<MailNotSentException>(
            () => sender.SendAsync(new OutgoingMail("amelie.dupont@example.org", Subject, "Le corps du message"), default));

        // ToString holds the inner exceptions too: all of it may end up in a log.
        Assert.DoesNotContain("amelie", e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Le corps", e.ToString(), StringComparison.Ordinal);
        Assert.IsType<SocketException>(e.InnerException);
    }

    [Fact]
    public async Task Pickup_WritesOneParseableEml_AndNoTemporaryFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chancery-mail-test-" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        try
        {
            var sender = new PickupDirectoryMailSender(
                Options.Create(new MailOptions { PickupDirectory = directory }), new FakeTimeProvider(Now), NullLogger<PickupDirectoryMailSender>.Instance);

            await sender.SendAsync(new OutgoingMail("c@example.org", Subject, "Reçu.", "<p>Reçu.</p>"), default);
            await sender.SendAsync(new OutgoingMail("d@example.org", Subject, "Reçu."), default);

            var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, files.Count);
            Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
            Assert.All(files, f => Assert.StartsWith("20260314T093000000Z-", Path.GetFileName(f), StringComparison.Ordinal));
            var recipients = new List<string>();
            foreach (var file in files)
            {
                using var message = await MimeMessage.LoadAsync(file);
                Assert.Equal(Subject, message.Subject);
                Assert.Equal("Reçu.", message.TextBody?.Trim());
                recipients.Add(Assert.Single(message.To.Mailboxes).Address);
            }

            Assert.Equal(["c@example.org", "d@example.org"], recipients.Order(StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AddChanceryMail_SmtpWithoutHost_FailsValidation()
    {
        using var services = Services(new() { ["Chancery:Mail:Mode"] = "smtp" });

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);
        Assert.Contains("Host", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chancery:Mail:Mode", "sendmail")]
    [InlineData("Chancery:Mail:Security", "ssl")]
    [InlineData("Chancery:Mail:From", "not a mailbox")]
    [InlineData("Chancery:Mail:Password", "secret-without-user")]
    public void AddChanceryMail_InvalidSetting_FailsValidation(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);
    }

    [Fact]
    public void AddChanceryMail_Default_WritesBesideTheDefaultDatabase()
    {
        var data = Path.Combine(Path.GetTempPath(), "chancery-data-" + RandomNumberGenerator.GetHexString(12, lowercase: true));
        using var services = Services(new() { ["Chancery:DataDirectory"] = data });

        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("pickup", options.Mode);
        Assert.Equal(Path.Combine(data, "mail"), options.PickupDirectory);
        Assert.Equal("starttls", options.Security);
        Assert.IsType<PickupDirectoryMailSender>(services.GetRequiredService<IMailSender>());
    }

    [Fact]
    public async Task AddChanceryMail_Smtp_SendsThroughTheConfiguredServer()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var services = Services(new()
        {
            ["Chancery:Mail:Mode"] = "smtp",
            ["Chancery:Mail:Host"] = sink.Host,
            ["Chancery:Mail:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chancery:Mail:Security"] = "none",
            ["Chancery:Mail:UserName"] = "chancery",
            ["Chancery:Mail:Password"] = "relay-password",
            ["Chancery:Mail:From"] = "Consulat <consulat@example.org>",
        });

        await services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail("e@example.org", Subject, "Reçu."), default);

        var received = await sink.WaitForMessageAsync();
        Assert.Equal("consulat@example.org", received.From);
        using var message = Parse(received);
        Assert.Equal("Consulat", Assert.Single(message.From.Mailboxes).Name);
    }

    private static SmtpMailSender Smtp(string host, int port) => new(
        Options.Create(new MailOptions { Mode = "smtp", Host = host, Port = port, Security = "none", Timeout = TimeSpan.FromSeconds(10) }),
        new FakeTimeProvider(Now),
        NullLogger<SmtpMailSender>.Instance);

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddChanceryMail(configuration);
        return services.BuildServiceProvider();
    }

    private static MimeMessage Parse(ReceivedMail received)
    {
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Raw));
        return MimeMessage.Load(raw);
    }

    // A port nothing listens on: bound, read, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
