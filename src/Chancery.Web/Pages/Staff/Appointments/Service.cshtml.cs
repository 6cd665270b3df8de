using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chancery.Core.Appointments;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Appointments;

// One service's calendar: its settings and release policy, its opening hours per weekday, the slots of the
// next days by state, and "release N now". Each form binds only its own fields.
internal sealed class ServiceModel(CurrentActor current, ChanceryDb db, ManageCalendar manage, ReleaseSlots release, Texts texts, TimeProvider clock) : PageModel
{
    public const int CalendarDays = 14;

    public sealed record DayRow(DateOnly Day, int Pool, int Released, int Booked, int Withdrawn, int Ballot);

    public sealed record HoursRow(int Id, DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

    public SettingsInput Input { get; set; } = new();

    public HoursInput Hours { get; set; } = new();

    public ReleaseInput Release { get; set; } = new();

    public AppointmentService Service { get; private set; } = null!;

    public string PostCode { get; private set; } = "";

    public IReadOnlyList<HoursRow> Periods { get; private set; } = [];

    public IReadOnlyList<DayRow> Calendar { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Days { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Policies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Modes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        if (!await LoadAsync(actor, id, ct))
            return NotFound();
        Input = SettingsInput.From(Service);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, [Bind(Prefix = nameof(Input))] SettingsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        if (!await LoadAsync(actor, id, ct))
            return NotFound();
        Input = input;
        if (!ModelState.IsValid)
            return Page();
        var fee = string.IsNullOrWhiteSpace(input.Fee) ? null
            : (long?)Math.Round(decimal.Parse(input.Fee.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100m);
        var updated = await manage.UpdateServiceAsync(actor, id, new ManageCalendar.Settings(
            input.DurationMinutes!.Value, input.Counters!.Value, input.Active, input.RequiresApplication, fee, input.Currency,
            input.RequiresPrepayment, input.PaymentWindowHours!.Value, input.Rescheduling!.Value, input.Release!.Value,
            input.HorizonDays!.Value, input.BatchMin!.Value, input.BatchMax!.Value, input.ReleaseWindows), ct);
        if (!updated.IsSuccess)
            return Failed(updated.Error, "Input", "DurationMinutes");
        TempData[Notice.Success] = texts["calendar.saved"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddHoursAsync(int id, [Bind(Prefix = nameof(Hours))] HoursInput hours, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        if (!await LoadAsync(actor, id, ct))
            return NotFound();
        Input = SettingsInput.From(Service);
        Hours = hours;
        if (!ModelState.IsValid)
            return Page();
        var added = await manage.AddHoursAsync(actor, id, hours.Day!.Value, hours.Opens!.Value, hours.Closes!.Value, ct);
        if (!added.IsSuccess)
            return Failed(added.Error, "Hours", "Closes");
        TempData[Notice.Success] = texts["calendar.hours.added"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveHoursAsync(int id, int hoursId, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        var removed = await manage.RemoveHoursAsync(actor, id, hoursId, ct);
        if (!removed.IsSuccess)
            return NotFound();
        TempData[Notice.Success] = texts["calendar.hours.removed"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(int id, [Bind(Prefix = nameof(Release))] ReleaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        if (!await LoadAsync(actor, id, ct))
            return NotFound();
        Input = SettingsInput.From(Service);
        Release = input;
        if (!ModelState.IsValid)
            return Page();
        var released = await release.ReleaseNowAsync(id, input.Count!.Value, ct);
        TempData[Notice.Success] = texts["calendar.release.done", released];
        return RedirectToPage(new { id });
    }

    // The operation's messages are English sentences; the page says them in the agent's language.
    private IActionResult Failed(Error error, string prefix, string defaultField)
    {
        if (error.Kind == ErrorKind.NotFound)
            return NotFound();
        if (error.Kind == ErrorKind.Forbidden)
            return Forbid();
        var field = error.Field switch { null or "" => defaultField, "feeMinor" => "Fee", var f => char.ToUpperInvariant(f[0]) + f[1..] };
        var key = $"calendar.error.{error.Field ?? error.Code}";
        var message = texts.Contains(key) ? texts[key] : error.Message;
        // The windows' message names the faulty window: the detail is kept after the translated sentence.
        if (error.Field == "releaseWindows")
            message += " (" + error.Message + ")";
        ModelState.AddModelError($"{prefix}.{field}", message);
        return Page();
    }

    private async Task<bool> LoadAsync(Actor actor, int id, CancellationToken ct)
    {
        var service = await db.AppointmentServices.AsNoTracking().Include(s => s.Hours).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null || !actor.Sees(service.PostId))
            return false;
        Service = service;
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == service.PostId, ct);
        PostCode = post.Code;
        Periods = service.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens)
            .Select(h => new HoursRow(h.Id, h.Day, h.Opens, h.Closes)).ToList();
        var zone = ReleaseWindows.Zone(post.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var end = now.AddDays(CalendarDays);
        var slots = await db.Slots.AsNoTracking().Where(s => s.ServiceId == id && s.StartsAt > now && s.StartsAt < end)
            .Select(s => new { s.StartsAt, s.State }).ToListAsync(ct);
        Calendar = slots.GroupBy(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, zone))).OrderBy(g => g.Key)
            .Select(g => new DayRow(g.Key, g.Count(s => s.State == SlotState.Pool), g.Count(s => s.State == SlotState.Released),
                g.Count(s => s.State == SlotState.Booked), g.Count(s => s.State == SlotState.Withdrawn), g.Count(s => s.State == SlotState.Ballot)))
            .ToList();
        Days = WeekDays.Select(d => new SelectListItem(DayName(d), d.ToString())).ToList();
        Policies = Enum.GetValues<ReschedulePolicy>().Select(p => new SelectListItem(texts[$"calendar.reschedule.{p}"], p.ToString())).ToList();
        Modes = Enum.GetValues<ReleaseMode>().Select(m => new SelectListItem(texts[$"calendar.release.{m}"], m.ToString())).ToList();
        return true;
    }

    public static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public sealed class SettingsInput
    {
        [Required, Range(5, 480), Display(Name = "calendar.field.DurationMinutes")]
        public int? DurationMinutes { get; set; }

        [Required, Range(1, 50), Display(Name = "calendar.field.Counters")]
        public int? Counters { get; set; }

        [Display(Name = "calendar.field.Active")]
        public bool Active { get; set; }

        [Display(Name = "calendar.field.RequiresApplication")]
        public bool RequiresApplication { get; set; }

        // Text, not a number: "80,00" and "80.00" both mean 80 euros whatever the page's language.
        [RegularExpression(@"^\s*\d{1,6}([.,]\d{1,2})?\s*$", ErrorMessage = "calendar.error.fee"), Display(Name = "calendar.field.FeeMinor", Description = "calendar.field.FeeMinor.hint")]
        public string? Fee { get; set; }

        [Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "calendar.error.currency"), Display(Name = "calendar.field.Currency")]
        public string Currency { get; set; } = "EUR";

        [Display(Name = "calendar.field.RequiresPrepayment")]
        public bool RequiresPrepayment { get; set; }

        [Required, Range(1, 720), Display(Name = "calendar.field.PaymentWindowHours")]
        public int? PaymentWindowHours { get; set; }

        [Required, Display(Name = "calendar.field.Rescheduling")]
        public ReschedulePolicy? Rescheduling { get; set; }

        [Required, Display(Name = "calendar.field.Release")]
        public ReleaseMode? Release { get; set; }

        [Required, Range(1, 365), Display(Name = "calendar.field.HorizonDays")]
        public int? HorizonDays { get; set; }

        [Required, Range(1, 1000), Display(Name = "calendar.field.BatchMin")]
        public int? BatchMin { get; set; }

        [Required, Range(1, 1000), Display(Name = "calendar.field.BatchMax")]
        public int? BatchMax { get; set; }

        [Required, StringLength(200), Display(Name = "calendar.field.ReleaseWindows", Description = "calendar.field.ReleaseWindows.hint")]
        public string ReleaseWindows { get; set; } = "";

        public static SettingsInput From(AppointmentService s) => new()
        {
            DurationMinutes = s.DurationMinutes, Counters = s.Counters, Active = s.Active, RequiresApplication = s.RequiresApplication,
            Fee = s.FeeMinor is { } fee ? (fee / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null, Currency = s.Currency, RequiresPrepayment = s.RequiresPrepayment,
            PaymentWindowHours = s.PaymentWindowHours, Rescheduling = s.Rescheduling, Release = s.Release, HorizonDays = s.HorizonDays,
            BatchMin = s.BatchMin, BatchMax = s.BatchMax, ReleaseWindows = s.ReleaseWindowsText,
        };
    }

    public sealed class HoursInput
    {
        [Required, Display(Name = "calendar.hours.day")]
        public DayOfWeek? Day { get; set; }

        [Required, Display(Name = "calendar.hours.opens")]
        public TimeOnly? Opens { get; set; }

        [Required, Display(Name = "calendar.hours.closes")]
        public TimeOnly? Closes { get; set; }
    }

    public sealed class ReleaseInput
    {
        [Required, Range(1, 1000), Display(Name = "calendar.release.count")]
        public int? Count { get; set; }
    }
}
