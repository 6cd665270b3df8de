using Chancery.Core.Applications;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// The ballots' job: opens announced ballots whose window has started, and draws those whose window has closed.
/// A draw ranks every registration by <see cref="BallotDraw.Order"/>, offers the ballot's slots (in start order)
/// to the first drawn, puts the others on the waiting list, and publishes the seed (<see cref="Ballot.DrawnAt"/>).
/// Idempotent and safe with two instances: a ballot is claimed by a conditional update of its state, in the
/// same transaction as its draw.
/// </summary>
public sealed class DrawBallots(ChanceryDb db, TimeProvider clock, BallotNotifier mail)
{
    public sealed record Report(int Opened, int Drawn);

    public async Task<Report> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var opened = await db.Ballots
            .Where(b => b.State == BallotState.Scheduled && b.OpensAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.State, BallotState.Open), ct);
        var due = await db.Ballots.AsNoTracking()
            .Where(b => b.State != BallotState.Drawn && b.ClosesAt <= now)
            .OrderBy(b => b.ClosesAt)
            .Select(b => b.Id)
            .ToListAsync(ct);
        var drawn = 0;
        foreach (var id in due)
        {
            if (await DrawAsync(id, now, ct))
                drawn++;
        }

        return new Report(opened, drawn);
    }

    private async Task<bool> DrawAsync(int ballotId, DateTime now, CancellationToken ct)
    {
        List<(BallotEntry Entry, Slot Slot, string Token)> offers = [];
        Ballot ballot;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Ballots
                .Where(b => b.Id == ballotId && b.State != BallotState.Drawn && b.ClosesAt <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.State, BallotState.Drawn).SetProperty(b => b.DrawnAt, now), ct);
            if (claimed == 0)
                return false;

            ballot = await db.Ballots.AsNoTracking().SingleAsync(b => b.Id == ballotId, ct);
            var entries = await db.BallotEntries.Where(e => e.BallotId == ballotId).ToListAsync(ct);
            var slots = await db.Slots.AsNoTracking()
                .Where(s => s.BallotId == ballotId && s.State == SlotState.Ballot)
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Counter)
                .ToListAsync(ct);
            var byId = entries.ToDictionary(e => e.RegistrationId, StringComparer.Ordinal);
            var order = BallotDraw.Order(Convert.FromHexString(ballot.Seed), byId.Keys);
            for (var i = 0; i < order.Count; i++)
            {
                var entry = byId[order[i]];
                entry.Rank = i + 1;
                if (i < slots.Count)
                {
                    var token = Offer(db, entry, slots[i], ballot, now);
                    offers.Add((entry, slots[i], token));
                }
                else
                {
                    entry.State = BallotEntryState.Waiting;
                }
            }

            // Slots nobody registered for leave the ballot for the pool, where a later ballot can take them.
            var unclaimed = slots.Skip(order.Count).Select(s => s.Id).ToList();
            if (unclaimed.Count > 0)
            {
                await db.Slots.Where(s => unclaimed.Contains(s.Id) && s.State == SlotState.Ballot)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Pool).SetProperty(s => s.BallotId, (int?)null), ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        // After the commit: a mail never announces an offer that was rolled back.
        foreach (var (entry, slot, token) in offers)
            await mail.OfferedAsync(entry, ballot, slot, token, ct);
        return true;
    }

    /// <summary>
    /// Offers a slot to a tracked entry and returns the token of the link that confirms it. The token is new: the
    /// hash kept at registration cannot give the old one back, so the offer replaces it.
    /// </summary>
    internal static string Offer(ChanceryDb db, BallotEntry entry, Slot slot, Ballot ballot, DateTime now)
    {
        var token = Secrets.NewToken();
        entry.State = BallotEntryState.Offered;
        entry.OfferedSlotId = slot.Id;
        entry.ConfirmBy = ConfirmBy(ballot, slot, now);
        db.Entry(entry).Property(e => e.ManageTokenHash).CurrentValue = Secrets.Hash(token);
        return token;
    }

    /// <summary>The confirmation deadline: the ballot's hours, but never later than the appointment itself.</summary>
    public static DateTime ConfirmBy(Ballot ballot, Slot slot, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(slot);
        var deadline = now.AddHours(ballot.ConfirmHours);
        return deadline < slot.StartsAt ? deadline : slot.StartsAt;
    }
}
