using Chancery.Core.Data;
using Chancery.Core.Mail;
using Chancery.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Appointments;

/// <summary>
/// Sends the ballot's e-mails with links to the public site (<see cref="ChanceryOptions.PublicUrl"/>: the jobs
/// that send most of them have no request to take an address from). A mail that cannot be handed over is
/// logged, never thrown: the registration or offer it announces stands.
/// </summary>
public sealed partial class BallotNotifier(ChanceryDb db, IMailSender sender, IOptions<ChanceryOptions> options, ILogger<BallotNotifier> log)
{
    public async Task RegisteredAsync(BallotEntry entry, Ballot ballot, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ballot);
        var about = await AboutAsync(ballot, ct);
        await SendAsync(BallotMails.Registered(entry, about, Link($"/rendez-vous/tirages/confirmer/{token}"), Link($"/rendez-vous/tirages/{ballot.Id}")), "registration", ct);
    }

    public async Task OfferedAsync(BallotEntry entry, Ballot ballot, Slot slot, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ballot);
        var about = await AboutAsync(ballot, ct);
        var prepaid = await db.AppointmentServices.Where(s => s.Id == ballot.ServiceId).Select(s => s.RequiresPrepayment).SingleAsync(ct);
        await SendAsync(BallotMails.Offered(entry, about, slot, prepaid, Link($"/rendez-vous/tirages/confirmer/{token}")), "offer", ct);
    }

    private string Link(string path) => options.Value.PublicUrl.TrimEnd('/') + path;

    private async Task<BallotMails.About> AboutAsync(Ballot ballot, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == ballot.PostId).Select(p => new { p.Name, p.TimeZone }).SingleAsync(ct);
        var kind = await db.AppointmentServices.AsNoTracking().Where(s => s.Id == ballot.ServiceId).Select(s => s.Kind).SingleAsync(ct);
        return new BallotMails.About(post.Name, post.TimeZone, kind, ballot.ClosesAt, ballot.Commitment);
    }

    private async Task SendAsync(OutgoingMail mail, string what, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(mail, ct);
        }
        catch (MailNotSentException e)
        {
            LogNotSent(log, what, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A ballot {What} e-mail could not be sent")]
    private static partial void LogNotSent(ILogger logger, string what, Exception exception);
}
