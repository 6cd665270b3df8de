using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Documents;

/// <summary>The stock of blanks at the posts an agent works for, with spoiled items.</summary>
public sealed class ListStock(ChanceryDb db)
{
    public sealed record StockRow(int Id, string PostCode, StockKind Kind, string Prefix, long FirstSerial, long LastSerial, long NextSerial, long Remaining, string FirstNumber, string LastNumber, DateTime ReceivedAt);

    public sealed record SpoiledRow(int StockId, string DocumentNumber, string Reason, DateTime RecordedAt);

    public sealed record StockReport(IReadOnlyList<StockRow> Stocks, IReadOnlyList<SpoiledRow> Spoiled);

    public async Task<StockReport> ExecuteAsync(Actor actor, string? postCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var posts = actor.PostIds.ToList();
        var rows = await (from s in db.DocumentStocks.AsNoTracking()
                          join p in db.Posts on s.PostId equals p.Id
                          where posts.Contains(s.PostId) && (postCode == null || p.Code == postCode)
                          orderby p.Code, s.Kind, s.Id
                          select new { s, p.Code }).ToListAsync(ct);
        var stockIds = rows.Select(r => r.s.Id).ToList();
        var spoiled = await db.SpoiledItems.AsNoTracking().Where(i => stockIds.Contains(i.StockId))
            .OrderByDescending(i => i.RecordedAt).Take(200)
            .Select(i => new SpoiledRow(i.StockId, i.DocumentNumber, i.Reason, i.RecordedAt)).ToListAsync(ct);
        return new StockReport(
            rows.Select(r => new StockRow(r.s.Id, r.Code, r.s.Kind, r.s.Prefix, r.s.FirstSerial, r.s.LastSerial, r.s.NextSerial, r.s.Remaining,
                r.s.NumberOf(r.s.FirstSerial), r.s.NumberOf(r.s.LastSerial), r.s.ReceivedAt)).ToList(),
            spoiled);
    }
}
