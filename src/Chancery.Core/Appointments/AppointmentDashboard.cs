using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// Suspicious patterns at a post over the last days, for the staff dashboard: addresses that asked or booked for
/// many identities, e-mail domains with many bookings, refusals at the door, no-shows, and counts per day.
/// Only aggregates and masked identities (surname and the last three characters of the document number).
/// </summary>
public sealed class AppointmentDashboard(ChanceryDb db, TimeProvider clock)
{
    /// <summary>An address or domain is listed from this many distinct identities.</summary>
    public const int Threshold = 3;

    public const int MaxDays = 90;

    /// <param name="IdentitiesRequested">Distinct identities asked for from the address, at any post (abuse events).</param>
    /// <param name="IdentitiesBooked">Distinct identities booked from the address at this post.</param>
    public sealed record AddressRow(string Address, int IdentitiesRequested, int IdentitiesBooked, int Bookings);

    public sealed record DomainRow(string Domain, int Bookings, int Identities);

    public sealed record FlaggedRow(string Reference, DateTime StartsAt, string Identity, string Flag, string? By, DateTime? At);

    public sealed record DayRow(DateOnly Day, int Booked, int CheckedIn, int Refused, int NoShows, int Cancelled);

    public sealed record Report(
        int PostId, DateTime Since, int Days, int Bookings, int NoShows,
        IReadOnlyList<AddressRow> Addresses, IReadOnlyList<DomainRow> Domains, IReadOnlyList<FlaggedRow> Refusals, IReadOnlyList<DayRow> PerDay);

    public async Task<Result<Report>> ExecuteAsync(Actor actor, int postId, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!AppointmentPermissions.CanSeeDashboard(actor))
            return Error.Forbidden("The dashboard needs the role 'Consul', 'Administrator' or 'Auditor'.");
        var timeZone = await db.Posts.Where(p => p.Id == postId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct);
        if (timeZone is null || !actor.Sees(postId))
            return Error.NotFound("The post");
        if (days is < 1 or > MaxDays)
            return Error.Validation("days", $"Choose between 1 and {MaxDays} days.");
        var zone = ReleaseWindows.Zone(timeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-days);

        // Bookings made in the period, or whose appointment fell in it (refusals and no-shows come after booking).
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.PostId == postId && (b.CreatedAt >= since || (b.StartsAt >= since && b.StartsAt <= now)))
            .ToListAsync(ct);

        var booked = bookings.Where(b => b.CreatedAt >= since).ToList();
        var bookedByAddress = booked.Where(b => b.CreatedFromAddress is not null)
            .GroupBy(b => b.CreatedFromAddress!)
            .ToDictionary(g => g.Key, g => (Bookings: g.Count(), Identities: g.Select(b => b.IssuingState + ":" + b.DocumentNumber).ToHashSet()));
        var requested = await db.AbuseEvents.AsNoTracking()
            .Where(e => e.Kind == AbuseKind.IdentityRequested && e.At >= since && e.IdentityKey != null)
            .GroupBy(e => e.Address)
            .Select(g => new { Address = g.Key, Identities = g.Select(e => e.IdentityKey).Distinct().Count() })
            .Where(g => g.Identities >= Threshold)
            .ToListAsync(ct);
        var addresses = requested.Select(r => r.Address).Union(bookedByAddress.Where(b => b.Value.Identities.Count >= Threshold).Select(b => b.Key))
            .Select(a => new AddressRow(
                a,
                requested.FirstOrDefault(r => r.Address == a)?.Identities ?? 0,
                bookedByAddress.TryGetValue(a, out var b) ? b.Identities.Count : 0,
                bookedByAddress.TryGetValue(a, out var c) ? c.Bookings : 0))
            .OrderByDescending(r => Math.Max(r.IdentitiesRequested, r.IdentitiesBooked)).ThenBy(r => r.Address, StringComparer.Ordinal)
            .Take(50).ToList();

        var domains = booked
            .GroupBy(b => Domain(b.Email))
            .Select(g => new DomainRow(g.Key, g.Count(), g.Select(b => b.IssuingState + ":" + b.DocumentNumber).Distinct().Count()))
            .Where(d => d.Identities >= Threshold)
            .OrderByDescending(d => d.Bookings).ThenBy(d => d.Domain, StringComparer.Ordinal)
            .Take(20).ToList();

        var refusals = bookings.Where(b => b.Flag is not null || b.State == BookingState.Refused)
            .OrderByDescending(b => b.EndedAt ?? b.StartsAt)
            .Select(b => new FlaggedRow(b.Reference, b.StartsAt, CheckInBooking.Mask(b.Surname, b.DocumentNumber), b.Flag ?? "", b.CheckedInBy, b.EndedAt))
            .ToList();

        DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var firstDay = LocalDay(since);
        var perDay = Enumerable.Range(0, days + 1).Select(i => firstDay.AddDays(i)).Where(d => d <= LocalDay(now))
            .Select(day => new DayRow(
                day,
                booked.Count(b => LocalDay(b.CreatedAt) == day),
                bookings.Count(b => b.State == BookingState.CheckedIn && LocalDay(b.StartsAt) == day),
                bookings.Count(b => b.State == BookingState.Refused && LocalDay(b.StartsAt) == day),
                bookings.Count(b => b.State == BookingState.NoShow && LocalDay(b.StartsAt) == day),
                bookings.Count(b => b.State == BookingState.Cancelled && b.EndedAt is { } e && LocalDay(e) == day)))
            .OrderByDescending(d => d.Day)
            .ToList();

        return new Report(
            postId, since, days, booked.Count, bookings.Count(b => b.State == BookingState.NoShow),
            addresses, domains, refusals, perDay);
    }

    private static string Domain(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? "" : email[(at + 1)..].Trim().ToLowerInvariant();
    }
}
