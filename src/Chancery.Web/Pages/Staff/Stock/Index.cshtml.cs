using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Staff;
using Chancery.Web.Localization;
using Chancery.Web.Pages.Shared;
using Chancery.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Pages.Staff.Stock;

// The blanks of the agent's posts: ranges received, what is left, spoiled items. A print operator (or an
// administrator) records a range received; a print operator records the next blank of a range as spoiled.
// Each form binds only its own fields, so one form's errors never show on the other.
internal sealed class IndexModel(CurrentActor current, ListStock list, ManageStock manage, ChanceryDb db, Texts texts) : PageModel
{
    public ReceiveInput Receive { get; set; } = new();

    public SpoilInput Spoil { get; set; } = new();

    public ListStock.StockReport Report { get; private set; } = new([], []);

    public IReadOnlyList<SelectListItem> Posts { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Kinds { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Ranges { get; private set; } = [];

    public bool CanReceive { get; private set; }

    public bool CanSpoil { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (actor is null)
            return Forbid();
        await LoadAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReceiveAsync([Bind(Prefix = nameof(Receive))] ReceiveInput receive, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.StockReceivers))
            return Forbid();
        Receive = receive;
        if (!ModelState.IsValid)
            return await RedisplayAsync(actor, ct);

        var postIds = actor.PostIds.ToList();
        var postId = await db.Posts.Where(p => p.Code == receive.PostCode && postIds.Contains(p.Id)).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        var received = postId is null
            ? Error.NotFound("The post")
            : await manage.ReceiveAsync(postId.Value, receive.Kind!.Value, receive.Prefix.Trim().ToUpperInvariant(), receive.FirstSerial!.Value, receive.LastSerial!.Value, actor, ct);
        if (!received.IsSuccess)
        {
            var error = received.Error;
            if (error.Kind == ErrorKind.Forbidden)
                return Forbid();
            var key = error.Kind == ErrorKind.NotFound ? "Receive.PostCode"
                : error.Field is { Length: > 0 } field ? "Receive." + char.ToUpperInvariant(field[0]) + field[1..]
                : "Receive.FirstSerial";
            ModelState.AddModelError(key, Message(error));
            return await RedisplayAsync(actor, ct);
        }

        TempData[Notice.Success] = texts["staff.stock.received", received.Value.NumberOf(received.Value.FirstSerial), received.Value.NumberOf(received.Value.LastSerial)];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSpoilAsync([Bind(Prefix = nameof(Spoil))] SpoilInput spoil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spoil);
        var actor = await current.GetAsync(ct);
        if (actor is null || !actor.Roles.Overlaps(AccessMatrix.StockSpoilers))
            return Forbid();
        Spoil = spoil;
        if (!ModelState.IsValid)
            return await RedisplayAsync(actor, ct);

        var spoiled = await manage.SpoilNextAsync(spoil.StockId!.Value, spoil.Reason, actor, ct);
        if (!spoiled.IsSuccess)
        {
            var error = spoiled.Error;
            if (error.Kind == ErrorKind.Forbidden)
                return Forbid();
            ModelState.AddModelError(error.Field == "reason" ? "Spoil.Reason" : "Spoil.StockId", Message(error));
            return await RedisplayAsync(actor, ct);
        }

        TempData[Notice.Success] = texts["staff.stock.spoiled", spoiled.Value.DocumentNumber];
        return RedirectToPage();
    }

    // The number the next blank of a range carries, written as DocumentStock.NumberOf writes it.
    public static string NextNumber(ListStock.StockRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Prefix + row.NextSerial.ToString(CultureInfo.InvariantCulture).PadLeft(DocumentStock.NumberLength - row.Prefix.Length, '0');
    }

    private async Task<IActionResult> RedisplayAsync(Actor actor, CancellationToken ct)
    {
        await LoadAsync(actor, ct);
        return Page();
    }

    // The operation's messages are English sentences for the API; the page says them in the agent's language.
    private string Message(Error error)
    {
        var key = error.Kind == ErrorKind.Validation ? $"staff.stock.error.{error.Field}" : $"staff.stock.error.{error.Code}";
        return texts.Contains(key) ? texts[key] : error.Message;
    }

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        Report = await list.ExecuteAsync(actor, null, ct);
        CanReceive = actor.Roles.Overlaps(AccessMatrix.StockReceivers);
        CanSpoil = actor.Roles.Overlaps(AccessMatrix.StockSpoilers);
        var postIds = actor.PostIds.ToList();
        Posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Code)).ToListAsync(ct);
        Kinds = Enum.GetValues<StockKind>().Select(k => new SelectListItem(texts[$"staff.stockKind.{k}"], k.ToString())).ToList();
        Ranges = Report.Stocks.Where(s => s.Remaining > 0)
            .Select(s => new SelectListItem(texts["staff.stock.rangeChoice", s.PostCode, texts[$"staff.stockKind.{s.Kind}"], s.FirstNumber, s.LastNumber, s.Remaining], s.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    public sealed class ReceiveInput
    {
        [Required, StringLength(8), Display(Name = "staff.stock.post")]
        public string PostCode { get; set; } = "";

        [Required, Display(Name = "staff.stock.kind")]
        public StockKind? Kind { get; set; }

        [Required, RegularExpression("^[A-Za-z]{1,4}$", ErrorMessage = "staff.stock.error.prefix"), Display(Name = "staff.stock.prefix", Description = "staff.stock.prefix.hint")]
        public string Prefix { get; set; } = "";

        [Required, Range(0, 99_999_999), Display(Name = "staff.stock.firstSerial")]
        public long? FirstSerial { get; set; }

        [Required, Range(0, 99_999_999), Display(Name = "staff.stock.lastSerial")]
        public long? LastSerial { get; set; }
    }

    public sealed class SpoilInput
    {
        [Required, Display(Name = "staff.stock.range")]
        public int? StockId { get; set; }

        [Required, StringLength(500), Display(Name = "staff.stock.reason")]
        public string Reason { get; set; } = "";
    }
}
