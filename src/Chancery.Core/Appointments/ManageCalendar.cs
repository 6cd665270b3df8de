using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Appointments;

/// <summary>
/// A post's services, opening hours and closed days, as the staff calendar pages edit them. Every change is
/// followed at once by <see cref="GenerateSlots"/> for the services concerned, so a closed day withdraws its
/// unbooked slots before anyone can book them.
/// </summary>
public sealed class ManageCalendar(ChanceryDb db, TimeProvider clock, GenerateSlots generate)
{
    public sealed record Settings(
        int DurationMinutes, int Counters, bool Active, bool RequiresApplication, long? FeeMinor, string Currency,
        bool RequiresPrepayment, int PaymentWindowHours, ReschedulePolicy Rescheduling, ReleaseMode Release,
        int HorizonDays, int BatchMin, int BatchMax, string ReleaseWindows);

    public async Task<Result<AppointmentService>> CreateServiceAsync(Actor actor, int postId, ServiceKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!AppointmentPermissions.CanManageCalendars(actor))
            return Forbidden();
        if (!actor.Sees(postId) || !await db.Posts.AnyAsync(p => p.Id == postId, ct))
            return Error.NotFound("The post");
        if (await db.AppointmentServices.AnyAsync(s => s.PostId == postId && s.Kind == kind, ct))
            return Error.Conflict("calendar.service-exists", "The post already offers this service.");
        var service = new AppointmentService { PostId = postId, Kind = kind, RequiresApplication = AppointmentService.RequiresApplicationByDefault(kind) };
        db.AppointmentServices.Add(service);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two agents added it at the same moment: the unique (post, kind) index kept one.
            return Error.Conflict("calendar.service-exists", "The post already offers this service.");
        }

        return service;
    }

    public async Task<Result<AppointmentService>> UpdateServiceAsync(Actor actor, int serviceId, Settings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(settings);
        var found = await FindServiceAsync(actor, serviceId, ct);
        if (!found.IsSuccess)
            return found.Error;
        if (Check(settings) is { } invalid)
            return invalid;
        var windows = ReleaseWindows.Parse(settings.ReleaseWindows);
        if (!windows.IsSuccess)
            return windows.Error;

        var service = found.Value;
        var canonical = ReleaseWindows.Format(windows.Value);
        if (canonical != service.ReleaseWindowsText || settings.Release != service.Release)
            service.NextReleaseAt = null; // Drawn again inside the new windows by the next run of the release job.
        service.DurationMinutes = settings.DurationMinutes;
        service.Counters = settings.Counters;
        service.Active = settings.Active;
        service.RequiresApplication = settings.RequiresApplication;
        service.FeeMinor = settings.FeeMinor;
        service.Currency = settings.Currency.Trim().ToUpperInvariant();
        service.RequiresPrepayment = settings.RequiresPrepayment;
        service.PaymentWindowHours = settings.PaymentWindowHours;
        service.Rescheduling = settings.Rescheduling;
        service.Release = settings.Release;
        service.HorizonDays = settings.HorizonDays;
        service.BatchMin = settings.BatchMin;
        service.BatchMax = settings.BatchMax;
        service.ReleaseWindowsText = canonical;
        await db.SaveChangesAsync(ct);
        await generate.ExecuteAsync(service.Id, ct);
        return service;
    }

    public async Task<Result<OpeningHours>> AddHoursAsync(Actor actor, int serviceId, DayOfWeek day, TimeOnly opens, TimeOnly closes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await FindServiceAsync(actor, serviceId, ct);
        if (!found.IsSuccess)
            return found.Error;
        if (closes <= opens)
            return Error.Validation("closes", "The period must close after it opens.");
        var service = found.Value;
        if ((closes - opens).TotalMinutes < service.DurationMinutes)
            return Error.Validation("closes", $"The period is shorter than one appointment ({service.DurationMinutes} minutes).");
        if (service.Hours.Any(h => h.Day == day && h.Opens < closes && opens < h.Closes))
            return Error.Validation("opens", "This period overlaps another period of the same day.");
        var hours = new OpeningHours { ServiceId = service.Id, Day = day, Opens = opens, Closes = closes };
        service.Hours.Add(hours);
        await db.SaveChangesAsync(ct);
        await generate.ExecuteAsync(service.Id, ct);
        return hours;
    }

    public async Task<Result<int>> RemoveHoursAsync(Actor actor, int serviceId, int hoursId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await FindServiceAsync(actor, serviceId, ct);
        if (!found.IsSuccess)
            return found.Error;
        var hours = found.Value.Hours.SingleOrDefault(h => h.Id == hoursId);
        if (hours is null)
            return Error.NotFound("The opening period");
        found.Value.Hours.Remove(hours);
        await db.SaveChangesAsync(ct);
        return (await generate.ExecuteAsync(serviceId, ct)).Withdrawn;
    }

    /// <summary>Closes a day at the post; returns what the regeneration did (booked slots on that day must be handled by staff).</summary>
    public async Task<Result<SlotGenerationReport>> AddClosedDayAsync(Actor actor, int postId, DateOnly date, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var zone = await FindPostZoneAsync(actor, postId, ct);
        if (!zone.IsSuccess)
            return zone.Error;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone.Value));
        if (date < today)
            return Error.Validation("date", "A closed day cannot be in the past.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
            return Error.Validation("reason", "Say why the post is closed (up to 200 characters).");
        if (await db.ClosedDays.AnyAsync(d => d.PostId == postId && d.Date == date, ct))
            return Error.Validation("date", "This day is already closed.");
        db.ClosedDays.Add(new ClosedDay { PostId = postId, Date = date, Reason = reason.Trim() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Validation("date", "This day is already closed.");
        }

        return await RegeneratePostAsync(postId, ct);
    }

    public async Task<Result<SlotGenerationReport>> RemoveClosedDayAsync(Actor actor, int postId, int closedDayId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var zone = await FindPostZoneAsync(actor, postId, ct);
        if (!zone.IsSuccess)
            return zone.Error;
        var removed = await db.ClosedDays.Where(d => d.Id == closedDayId && d.PostId == postId).ExecuteDeleteAsync(ct);
        if (removed == 0)
            return Error.NotFound("The closed day");
        return await RegeneratePostAsync(postId, ct);
    }

    private async Task<SlotGenerationReport> RegeneratePostAsync(int postId, CancellationToken ct)
    {
        var report = new SlotGenerationReport(0, 0, 0, 0);
        foreach (var id in await db.AppointmentServices.Where(s => s.PostId == postId && s.Active).Select(s => s.Id).ToListAsync(ct))
        {
            var r = await generate.ExecuteAsync(id, ct);
            report = new SlotGenerationReport(report.Created + r.Created, report.Withdrawn + r.Withdrawn, report.Restored + r.Restored, report.BookedOutside + r.BookedOutside);
        }

        return report;
    }

    private async Task<Result<AppointmentService>> FindServiceAsync(Actor actor, int serviceId, CancellationToken ct)
    {
        if (!AppointmentPermissions.CanManageCalendars(actor))
            return Forbidden();
        var service = await db.AppointmentServices.Include(s => s.Hours).SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null || !actor.Sees(service.PostId))
            return Error.NotFound("The service");
        return service;
    }

    private async Task<Result<TimeZoneInfo>> FindPostZoneAsync(Actor actor, int postId, CancellationToken ct)
    {
        if (!AppointmentPermissions.CanManageCalendars(actor))
            return Forbidden();
        var timeZone = await db.Posts.Where(p => p.Id == postId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct);
        if (timeZone is null || !actor.Sees(postId))
            return Error.NotFound("The post");
        return ReleaseWindows.Zone(timeZone);
    }

    private static Error Forbidden() => Error.Forbidden("Managing calendars needs the role 'Consul' or 'Administrator'.");

    private static Error? Check(Settings s)
    {
        if (s.DurationMinutes is < 5 or > 480)
            return Error.Validation("durationMinutes", "An appointment lasts from 5 to 480 minutes.");
        if (s.Counters is < 1 or > 50)
            return Error.Validation("counters", "From 1 to 50 counters.");
        if (s.FeeMinor is < 0)
            return Error.Validation("feeMinor", "The fee cannot be negative.");
        if (s.Currency is null || s.Currency.Trim().Length != 3 || !s.Currency.Trim().All(char.IsAsciiLetter))
            return Error.Validation("currency", "The currency is an ISO 4217 code of three letters, e.g. EUR.");
        if (s.RequiresPrepayment && s.FeeMinor is null or 0)
            return Error.Validation("feeMinor", "A prepaid service needs a fee.");
        if (s.PaymentWindowHours is < 1 or > 720)
            return Error.Validation("paymentWindowHours", "The payment window is from 1 to 720 hours.");
        if (s.HorizonDays is < 1 or > 365)
            return Error.Validation("horizonDays", "The horizon is from 1 to 365 days.");
        if (s.BatchMin is < 1 or > 1000)
            return Error.Validation("batchMin", "The smallest batch is from 1 to 1000 slots.");
        if (s.BatchMax < s.BatchMin || s.BatchMax > 1000)
            return Error.Validation("batchMax", "The largest batch is at least the smallest, and at most 1000 slots.");
        return null;
    }
}
