using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Announces a ballot for a balloted service: the registration window, the hours winners have to confirm, and
/// the slots drawn (those of the service waiting in the pool between two days, in the post's time zone). The
/// seed is drawn here and only its commitment is public until the draw.
/// </summary>
public sealed class CreateBallot(ChanceryDb db, TimeProvider clock)
{
    public const int MaxConfirmHours = 14 * 24;

    /// <param name="ServiceId">A service of the post whose release is <see cref="ReleaseMode.Ballot"/>.</param>
    /// <param name="OpensAt">UTC opening of registrations.</param>
    /// <param name="ClosesAt">UTC close of registrations; the draw follows.</param>
    /// <param name="ConfirmHours">Hours a winner has to confirm.</param>
    /// <param name="SlotsFrom">First day (post's local date) of the slots set aside.</param>
    /// <param name="SlotsTo">Last day, included.</param>
    public sealed record Request(int ServiceId, DateTime OpensAt, DateTime ClosesAt, int ConfirmHours, DateOnly SlotsFrom, DateOnly SlotsTo);

    public sealed record Created(Ballot Ballot, int Slots);

    public async Task<Result<Created>> ExecuteAsync(Request request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!AppointmentPermissions.CanManageCalendars(actor))
            return Error.Forbidden("Ballots are managed by a consul or an administrator of the post.");
        var service = await db.AppointmentServices.AsNoTracking()
            .Where(s => s.Id == request.ServiceId)
            .Select(s => new { s.Id, s.PostId, s.Release })
            .SingleOrDefaultAsync(ct);
        if (service is null || !actor.Sees(service.PostId))
            return Error.NotFound("The service");
        if (service.Release != ReleaseMode.Ballot)
            return new Error(ErrorKind.Validation, "ballot.not-balloted", "This service's slots are released progressively, not by ballot.", "serviceId");

        var now = clock.GetUtcNow().UtcDateTime;
        var opensAt = DateTime.SpecifyKind(request.OpensAt, DateTimeKind.Utc);
        var closesAt = DateTime.SpecifyKind(request.ClosesAt, DateTimeKind.Utc);
        if (closesAt <= now)
            return Error.Validation("closesAt", "The close of registrations must be in the future.");
        if (closesAt <= opensAt)
            return Error.Validation("closesAt", "Registrations must close after they open.");
        if (request.ConfirmHours is < 1 or > MaxConfirmHours)
            return Error.Validation("confirmHours", $"Winners have between 1 and {MaxConfirmHours} hours to confirm.");
        if (request.SlotsTo < request.SlotsFrom)
            return Error.Validation("slotsTo", "The last day of the slots cannot be before the first.");

        var timeZone = await db.Posts.Where(p => p.Id == service.PostId).Select(p => p.TimeZone).SingleAsync(ct);
        var from = StartOfLocalDay(request.SlotsFrom, timeZone);
        var to = StartOfLocalDay(request.SlotsTo.AddDays(1), timeZone);
        // Slots that start before the draw could never be taken: they are left to the pool.
        if (from < closesAt)
            from = closesAt;

        var seed = BallotDraw.NewSeed();
        var ballot = new Ballot
        {
            PostId = service.PostId,
            ServiceId = service.Id,
            OpensAt = opensAt,
            ClosesAt = closesAt,
            ConfirmHours = request.ConfirmHours,
            Seed = Convert.ToHexStringLower(seed),
            Commitment = BallotDraw.Commit(seed),
            State = opensAt <= now ? BallotState.Open : BallotState.Scheduled,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Ballots.Add(ballot);
        await db.SaveChangesAsync(ct);
        // A conditional update: a slot released or set aside meanwhile by another ballot is not taken twice.
        var slots = await db.Slots
            .Where(s => s.ServiceId == service.Id && s.State == SlotState.Pool && s.StartsAt >= from && s.StartsAt < to)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SlotState.Ballot).SetProperty(s => s.BallotId, ballot.Id), ct);
        if (slots == 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Error.Validation("slotsFrom", "No slot of this service waits in the pool between these days (after the close of registrations).");
        }

        await tx.CommitAsync(ct);
        return new Created(ballot, slots);
    }

    /// <summary>The UTC instant a local day starts at the post; UTC when the zone is unknown to this machine.</summary>
    public static DateTime StartOfLocalDay(DateOnly day, string timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            // A midnight skipped by a clock change starts the day an hour later.
            while (zone.IsInvalidTime(local))
                local = local.AddMinutes(30);
            return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        }
        catch (TimeZoneNotFoundException)
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }
    }
}
