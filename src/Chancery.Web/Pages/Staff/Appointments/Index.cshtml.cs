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

// The services offered by appointment at the agent's posts, with links to their calendars, the closed days,
// the check-in desk and the dashboard, each shown only to the roles that may use it.
internal sealed class IndexModel(CurrentActor current, ChanceryDb db, ManageCalendar manage, Texts texts, TimeProvider clock) : PageModel
{
    public sealed record ServiceRow(int Id, int PostId, string PostCode, ServiceKind Kind, bool Active, ReleaseMode Release, int Pool, int Released, int Booked);

    public sealed record PostRow(int Id, string Code, string Name);

    public NewServiceInput NewService { get; set; } = new();

    public IReadOnlyList<ServiceRow> Services { get; private set; } = [];

    public IReadOnlyList<PostRow> Posts { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PostItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Kinds { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanCheckIn { get; private set; }

    public bool CanSeeDashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null || !MayOpen(actor))
            return Forbid();
        await LoadAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync([Bind(Prefix = nameof(NewService))] NewServiceInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await current.GetAsync(ct);
        if (actor is null || !AppointmentPermissions.CanManageCalendars(actor))
            return Forbid();
        NewService = input;
        if (ModelState.IsValid)
        {
            var created = await manage.CreateServiceAsync(actor, input.PostId!.Value, input.Kind!.Value, ct);
            if (created.IsSuccess)
            {
                TempData[Notice.Success] = texts["calendar.created"];
                return RedirectToPage("Service", new { id = created.Value.Id });
            }

            if (created.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            ModelState.AddModelError("NewService.Kind", texts["calendar.error.serviceExists"]);
        }

        await LoadAsync(actor, ct);
        return Page();
    }

    private static bool MayOpen(Actor actor) =>
        AppointmentPermissions.CanManageCalendars(actor) || AppointmentPermissions.CanCheckIn(actor) || AppointmentPermissions.CanSeeDashboard(actor);

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        CanManage = AppointmentPermissions.CanManageCalendars(actor);
        CanCheckIn = AppointmentPermissions.CanCheckIn(actor);
        CanSeeDashboard = AppointmentPermissions.CanSeeDashboard(actor);
        var postIds = actor.PostIds.ToList();
        Posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new PostRow(p.Id, p.Code, p.Name)).ToListAsync(ct);
        var services = await (from s in db.AppointmentServices.AsNoTracking()
                              join p in db.Posts on s.PostId equals p.Id
                              where postIds.Contains(s.PostId)
                              orderby p.Code, s.Kind
                              select new { s.Id, s.PostId, p.Code, s.Kind, s.Active, s.Release }).ToListAsync(ct);
        var ids = services.Select(s => s.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = await db.Slots.AsNoTracking().Where(s => ids.Contains(s.ServiceId) && s.StartsAt > now)
            .GroupBy(s => new { s.ServiceId, s.State }).Select(g => new { g.Key.ServiceId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int Count(int id, SlotState state) => counts.FirstOrDefault(c => c.ServiceId == id && c.State == state)?.Count ?? 0;
        Services = services.Select(s => new ServiceRow(s.Id, s.PostId, s.Code, s.Kind, s.Active, s.Release,
            Count(s.Id, SlotState.Pool), Count(s.Id, SlotState.Released), Count(s.Id, SlotState.Booked))).ToList();
        PostItems = Posts.Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        Kinds = Enum.GetValues<ServiceKind>().Select(k => new SelectListItem(texts[$"calendar.kind.{k}"], k.ToString())).ToList();
    }

    public sealed class NewServiceInput
    {
        [Required, Display(Name = "calendar.post")]
        public int? PostId { get; set; }

        [Required, Display(Name = "calendar.kind")]
        public ServiceKind? Kind { get; set; }
    }
}
