using System.Security.Cryptography;
using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Enters a verified request in its ballot: one registration per identity and ballot, bound to that identity as
/// a booking would be, with a random public registration id. Spends the request, and e-mails the registration
/// id, the commitment and a link to follow the registration.
/// </summary>
public sealed class RegisterForBallot(ChanceryDb db, TimeProvider clock, BallotNotifier mail, BlindIndex index)
{
    /// <param name="bookingRequestId">A request whose code was verified, with <see cref="BookingPurpose.Ballot"/> and its ballot.</param>
    /// <returns>The entry and the token of its link (only the token's hash is kept).</returns>
    public async Task<Result<(BallotEntry Entry, string Token)>> ExecuteAsync(Guid bookingRequestId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await db.BookingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == bookingRequestId, ct);
        if (request is null)
            return Error.NotFound("The request");
        if (request.Purpose != BookingPurpose.Ballot || request.BallotId is null)
            return Error.Conflict("ballot.request-purpose", "This request was not made to enter a ballot.");
        if (request.VerifiedAt is null || request.UsedAt is not null || request.ExpiresAt <= now)
            return Error.Conflict("ballot.request-void", "This session has expired or was already used. Start again.");
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == request.BallotId, ct);
        if (ballot is null || ballot.ServiceId != request.ServiceId)
            return Error.NotFound("The ballot");
        if (now < ballot.OpensAt)
            return Error.Conflict("ballot.not-open", "Registrations for this ballot are not open yet.");
        if (now >= ballot.ClosesAt || ballot.State == BallotState.Drawn)
            return Error.Conflict("ballot.closed", "Registrations for this ballot are closed.");
        var identityKey = request.Identity.Key;
        var hashed = index.IdentityOf(identityKey);
        if (await db.BallotEntries.AnyAsync(e => e.BallotId == ballot.Id && EF.Property<string>(e, PersonalData.Stored(nameof(BallotEntry.IdentityKey))) == hashed, ct))
            return AlreadyRegistered();

        var token = Secrets.NewToken();
        var entry = new BallotEntry
        {
            BallotId = ballot.Id,
            RegistrationId = RandomNumberGenerator.GetHexString(16, lowercase: true),
            DocumentNumber = request.DocumentNumber,
            IssuingState = request.IssuingState,
            Surname = request.Surname,
            BirthDate = request.BirthDate,
            IdentityKey = identityKey,
            Email = request.Email,
            Language = request.Language,
            ApplicationCaseId = request.ApplicationCaseId,
            ManageTokenHash = Secrets.Hash(token),
            RegisteredAt = now,
        };

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // A no-op update of the ballot row, in the transaction: it waits for a draw under way (which
            // updates the same row) and then finds the ballot drawn, so no registration slips in beside a draw.
            var open = await db.Ballots
                .Where(b => b.Id == ballot.Id && b.State != BallotState.Drawn)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.ConfirmHours, b => b.ConfirmHours), ct);
            if (open == 0)
                return Error.Conflict("ballot.closed", "Registrations for this ballot are closed.");
            var spent = await db.BookingRequests
                .Where(r => r.Id == request.Id && r.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), ct);
            if (spent == 0)
            {
                await tx.RollbackAsync(ct);
                return Error.Conflict("ballot.request-void", "This session has expired or was already used. Start again.");
            }

            db.BallotEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e))
            {
                // The same identity registered at the same moment through another request.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return AlreadyRegistered();
            }

            await tx.CommitAsync(ct);
        }

        await mail.RegisteredAsync(entry, ballot, token, ct);
        return (entry, token);
    }

    private static Error AlreadyRegistered() =>
        new(ErrorKind.Conflict, "ballot.already-registered", "This travel document is already registered for this ballot.", "DocumentNumber");
}
