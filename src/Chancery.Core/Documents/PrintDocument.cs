using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Persons;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Chancery.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Documents;

/// <summary>
/// Takes the next blank from the post's stock and writes the print record with its machine
/// readable zone. Runs inside the caller's transaction, after the issuance gate said yes.
/// </summary>
public sealed class PrintDocument(ChanceryDb db, IOptions<ChanceryOptions> options)
{
    private const int MaxAttempts = 20;

    public async Task<Result<IssuedDocument>> ExecuteAsync(Case @case, ScreeningResult screening, Actor actor, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(actor);
        var kind = StockKindFor(@case);
        var taken = await TakeNextSerialAsync(@case.PostId, kind, ct);
        if (!taken.IsSuccess)
            return taken.Error;
        var (stock, serial) = taken.Value;

        var issuedOn = DateOnly.FromDateTime(now);
        var number = stock.NumberOf(serial);
        var expires = ExpiryOf(@case, issuedOn);
        string? mrz;
        try
        {
            mrz = DocumentMrz.For(@case, @case.Applicant, options.Value.IssuingState, number, expires);
        }
        catch (ArgumentException e)
        {
            // The holder's data cannot be written in a zone (a name with no Latin letter entered before that was checked at intake).
            return Error.Conflict("print.mrz", "The machine readable zone cannot be written: " + e.Message);
        }

        var document = new IssuedDocument
        {
            CaseId = @case.Id,
            StockId = stock.Id,
            DocumentNumber = number,
            Kind = kind,
            ScreeningResultId = screening.Id,
            PrintedAt = now,
            PrintedBy = actor.Id,
            IssuedOn = issuedOn,
            ExpiresOn = expires,
            Mrz = mrz,
        };
        db.IssuedDocuments.Add(document);
        return document;
    }

    public static StockKind StockKindFor(Case @case) => @case switch
    {
        PassportCase { Format: PassportFormat.Card } => StockKind.PassportCard,
        PassportCase => StockKind.PassportBooklet,
        VisaCase => StockKind.VisaSticker,
        BirthReportCase => StockKind.BirthCertificateForm,
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    /// <summary>Ten years for an adult's passport, five for a minor's; a visa ends with the requested stay.</summary>
    public static DateOnly? ExpiryOf(Case @case, DateOnly issuedOn) => @case switch
    {
        PassportCase p => issuedOn.AddYears(IsMinor(p.Applicant, issuedOn) ? 5 : 10).AddDays(-1),
        VisaCase v => v.RequestedUntil,
        _ => null,
    };

    private static bool IsMinor(Person person, DateOnly on) =>
        PartialDate.TryParse(person.BirthDate, out var born) && born.Earliest.AddYears(18) > on;

    /// <summary>
    /// Advances the stock counter with a conditional update: of two concurrent prints, one wins
    /// each serial and the other tries the next, so no serial is ever handed out twice.
    /// </summary>
    private async Task<Result<(DocumentStock Stock, long Serial)>> TakeNextSerialAsync(int postId, StockKind kind, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stock = await db.DocumentStocks.AsNoTracking()
                .Where(s => s.PostId == postId && s.Kind == kind && s.NextSerial <= s.LastSerial)
                .OrderBy(s => s.Id)
                .FirstOrDefaultAsync(ct);
            if (stock is null)
                return Error.Conflict("stock.empty", $"The post has no blank {kind} left in stock.");

            var serial = stock.NextSerial;
            var won = await db.DocumentStocks
                .Where(s => s.Id == stock.Id && s.NextSerial == serial)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextSerial, s => s.NextSerial + 1), ct);
            if (won == 1)
                return (stock, serial);
        }

        return Error.Conflict("stock.busy", "The stock is busy; try again.");
    }
}
