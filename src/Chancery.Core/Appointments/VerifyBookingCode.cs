using Chancery.Core.Applications;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Checks the e-mailed one-time code of a booking request: valid 10 minutes, 5 attempts, then void;
/// single use. A right code verifies the request for 30 minutes, the time to choose a slot.
/// </summary>
public sealed class VerifyBookingCode(ChanceryDb db, TimeProvider clock)
{
    public enum Outcome
    {
        Verified,

        /// <summary>Wrong code; more attempts remain.</summary>
        Wrong,

        /// <summary>Expired, voided by too many attempts, or already used: the person starts again.</summary>
        Void,
    }

    public sealed record Checked(Outcome Outcome, BookingRequest? Request, int AttemptsLeft);

    /// <summary>The request behind a link's token while it can still be used, or null.</summary>
    public async Task<BookingRequest?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return null;
        var hash = Secrets.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.BookingRequests.SingleOrDefaultAsync(r => r.TokenHash == hash && r.UsedAt == null && r.ExpiresAt > now, ct);
    }

    public async Task<Result<Checked>> ExecuteAsync(string? token, string? code, CancellationToken ct)
    {
        var request = await FindAsync(token, ct);
        if (request is null)
            return Error.NotFound("The booking request");
        if (request.VerifiedAt is not null)
            return new Checked(Outcome.Verified, request, 0);

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.CodeExpiresAt <= now || request.CodeAttempts >= BookingRequest.MaxCodeAttempts)
            return new Checked(Outcome.Void, request, 0);

        // The attempt is counted with a conditional update, so parallel guesses cannot exceed five between them.
        var attempt = request.CodeAttempts;
        var counted = await db.BookingRequests
            .Where(r => r.Id == request.Id && r.CodeAttempts == attempt && r.VerifiedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CodeAttempts, attempt + 1), ct);
        if (counted == 0)
            return new Checked(Outcome.Void, request, 0);

        var typed = string.Concat((code ?? "").Where(char.IsAsciiDigit));
        if (!Secrets.Matches(typed, request.CodeHash))
        {
            var left = BookingRequest.MaxCodeAttempts - (attempt + 1);
            return new Checked(left > 0 ? Outcome.Wrong : Outcome.Void, request, left);
        }

        await db.BookingRequests.Where(r => r.Id == request.Id)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.VerifiedAt, now)
                .SetProperty(r => r.ExpiresAt, now + BookingRequest.VerifiedLifetime)
                .SetProperty(r => r.CodeHash, ""), ct);
        await db.Entry(request).ReloadAsync(ct);
        return new Checked(Outcome.Verified, request, 0);
    }
}
