using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Documents;

/// <summary>Receiving ranges of blanks and recording spoiled ones, for the stock page and the API.</summary>
public sealed class ManageStock(ChanceryDb db, TimeProvider clock)
{
    public async Task<Result<DocumentStock>> ReceiveAsync(int postId, StockKind kind, string prefix, long first, long last, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!actor.Has(Role.Administrator) && !actor.Has(Role.PrintOperator))
            return Error.Forbidden("Receiving stock needs the role 'PrintOperator' or 'Administrator'.");
        if (!actor.Sees(postId))
            return Error.NotFound("The post");
        if (prefix.Length is < 1 or > 4 || !prefix.All(char.IsAsciiLetterUpper))
            return Error.Validation("prefix", "The prefix is 1 to 4 capital letters.");
        if (first < 0 || last < first)
            return Error.Validation("lastSerial", "The last serial must not be before the first.");
        var digits = DocumentStock.NumberLength - prefix.Length;
        if (last >= (long)Math.Pow(10, digits))
            return Error.Validation("lastSerial", $"With this prefix a serial has at most {digits} digits.");

        var receivedPrefix = prefix;
        // Numbers are unique across every kind and post: a booklet and a sticker must never share one.
        var overlapping = await db.DocumentStocks.AnyAsync(
            s => s.Prefix == receivedPrefix && s.FirstSerial <= last && first <= s.LastSerial, ct);
        if (overlapping)
            return Error.Conflict("stock.overlap", "These serials overlap a range already received: a number is never issued twice.");

        var stock = DocumentStock.Receive(postId, kind, prefix, first, last, clock.GetUtcNow().UtcDateTime, actor.Id);
        db.DocumentStocks.Add(stock);
        await db.SaveChangesAsync(ct);
        return stock;
    }

    /// <summary>The next blank of a range was damaged or lost: its number is used up.</summary>
    public async Task<Result<SpoiledItem>> SpoilNextAsync(int stockId, string reason, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.PrintOperator))
            return Error.Forbidden("Recording a spoiled item needs the role 'PrintOperator'.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            return Error.Validation("reason", "Say why the item was spoiled (up to 500 characters).");
        var stock = await db.DocumentStocks.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stockId, ct);
        if (stock is null || !actor.Sees(stock.PostId))
            return Error.NotFound("The stock");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var serial = stock.NextSerial;
        if (serial > stock.LastSerial)
            return Error.Conflict("stock.empty", "This range is used up.");
        var won = await db.DocumentStocks.Where(s => s.Id == stockId && s.NextSerial == serial)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextSerial, s => s.NextSerial + 1), ct);
        if (won != 1)
            return Error.Conflict("stock.busy", "The stock changed meanwhile; try again.");
        var item = new SpoiledItem
        {
            StockId = stockId,
            Serial = serial,
            DocumentNumber = stock.NumberOf(serial),
            Reason = reason.Trim(),
            RecordedBy = actor.Id,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SpoiledItems.Add(item);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return item;
    }
}
