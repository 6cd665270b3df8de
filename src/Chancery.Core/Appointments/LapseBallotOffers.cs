using Chancery.Core.Applications;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// The ballots' second job. An offer not confirmed by its deadline lapses and its slot is offered to the next
/// person waiting, in rank order. A slot a ballot booking gave back (cancelled, or its fee unpaid: it is then in
/// the pool with its ballot id still set) goes to the next person waiting too. When no one waits, the slot
/// leaves the ballot (<see cref="Slot.BallotId"/> cleared) and stays in the pool, for a later ballot of the service.
/// Idempotent and safe with two instances: each lapse, each slot taken back and each next offer is a
/// conditional update on the row's state.
/// </summary>
public sealed class LapseBallotOffers(ChanceryDb db, TimeProvider clock, BallotNotifier mail)
{
    public sealed record Report(int Lapsed, int Offered, int ReturnedToPool);

    public async Task<Report> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int lapsed = 0, offered = 0, returned = 0;
        var due = await db.BallotEntries.AsNoTracking()
            .Where(e => e.State == BallotEntryState.Offered && e.ConfirmBy <= now)
            .OrderBy(e => e.BallotId).ThenBy(e => e.Rank)
            .Select(e => new { e.Id, e.BallotId, e.OfferedSlotId })
            .Take(500)
            .ToListAsync(ct);
        foreach (var d in due)
        {
            Next? next;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var ended = await db.BallotEntries
                    .Where(e => e.Id == d.Id && e.State == BallotEntryState.Offered && e.ConfirmBy <= now)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, BallotEntryState.Lapsed), ct);
                if (ended == 0)
                    continue;
                lapsed++;
                next = await PassOnAsync(d.BallotId, d.OfferedSlotId!.Value, now, ct);
                await tx.CommitAsync(ct);
            }

            await CountAndSendAsync(next, ct);
        }

        // Slots given back by a ballot's bookings: in the pool, still carrying the id of a drawn ballot.
        var givenBack = await db.Slots.AsNoTracking()
            .Where(s => s.State == SlotState.Pool && s.BallotId != null && db.Ballots.Any(b => b.Id == s.BallotId && b.State == BallotState.Drawn))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, BallotId = s.BallotId!.Value })
            .Take(500)
            .ToListAsync(ct);
        foreach (var s in givenBack)
        {
            Next? next;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var taken = await db.Slots
                    .Where(x => x.Id == s.Id && x.State == SlotState.Pool && x.BallotId == s.BallotId)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.State, SlotState.Ballot), ct);
                if (taken == 0)
                    continue;
                next = await PassOnAsync(s.BallotId, s.Id, now, ct);
                await tx.CommitAsync(ct);
            }

            await CountAndSendAsync(next, ct);
        }

        return new Report(lapsed, offered, returned);

        async Task CountAndSendAsync(Next? next, CancellationToken token)
        {
            if (next is null)
            {
                returned++;
                return;
            }

            offered++;
            await mail.OfferedAsync(next.Entry, next.Ballot, next.Slot, next.Token, token);
        }
    }

    private sealed record Next(BallotEntry Entry, Ballot Ballot, Slot Slot, string Token);

    /// <summary>
    /// Offers a slot held by the ballot (state <see cref="SlotState.Ballot"/>) to the first person waiting, or
    /// gives it back to the pool without its ballot; null when no one took it. Runs inside the caller's transaction.
    /// </summary>
    private async Task<Next?> PassOnAsync(int ballotId, long slotId, DateTime now, CancellationToken ct)
    {
        var slot = await db.Slots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == slotId && s.BallotId == ballotId && s.State == SlotState.Ballot, ct);
        if (slot is null)
            return null;
        var ballot = await db.Ballots.AsNoTracking().SingleAsync(b => b.Id == ballotId, ct);
        if (slot.StartsAt > now)
        {
            var waiting = await db.BallotEntries.AsNoTracking()
                .Where(e => e.BallotId == ballotId && e.State == BallotEntryState.Waiting)
                .OrderBy(e => e.Rank)
                .Select(e => e.Id)
                .Take(50)
                .ToListAsync(ct);
            foreach (var id in waiting)
            {
                var token = Secrets.NewToken();
                var hash = Secrets.Hash(token);
                var by = DrawBallots.ConfirmBy(ballot, slot, now);
                // Another instance may be passing on another slot of the same ballot: only one takes this person.
                var claimed = await db.BallotEntries
                    .Where(e => e.Id == id && e.State == BallotEntryState.Waiting)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(e => e.State, BallotEntryState.Offered)
                        .SetProperty(e => e.OfferedSlotId, slot.Id)
                        .SetProperty(e => e.ConfirmBy, by)
                        .SetProperty(e => e.ManageTokenHash, hash), ct);
                if (claimed == 1)
                    return new Next(await db.BallotEntries.AsNoTracking().SingleAsync(e => e.Id == id, ct), ballot, slot, token);
            }
        }

        await db.Slots
            .Where(s => s.Id == slot.Id && s.State == SlotState.Ballot)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Pool).SetProperty(s => s.BallotId, (int?)null), ct);
        return null;
    }
}
