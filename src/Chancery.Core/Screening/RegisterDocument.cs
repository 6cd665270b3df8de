using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents.Mrz;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Screening;

/// <summary>
/// Records a travel document reported lost or stolen (by its holder at a post, or by a partner's
/// feed) on the register every screening checks. A number already registered for that state is a conflict.
/// </summary>
public sealed class RegisterDocument(ChanceryDb db, TimeProvider clock)
{
    public sealed record Report(string DocumentNumber, string IssuingState, RegisteredDocumentStatus Status, string Source, string? Reason);

    public async Task<Result<RegisteredDocument>> ExecuteAsync(Report report, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.SecurityOfficer) && !actor.Has(Role.Consul))
            return Error.Forbidden("Registering a lost or stolen document needs the role 'SecurityOfficer' or 'Consul'.");
        var number = DocumentRegister.Normalise(report.DocumentNumber);
        if (number.Length is < 5 or > 20)
            return Error.Validation("documentNumber", "A document number has 5 to 20 letters and digits.");
        var state = (report.IssuingState ?? "").Trim().ToUpperInvariant();
        if (!MrzCountryCodes.IsKnown(state))
            return Error.Validation("issuingState", $"'{report.IssuingState}' is not a known issuing state code.");
        if (report.Status == RegisteredDocumentStatus.Invalidated)
            return Error.Validation("status", "Invalidations are registered by invalidating the case's document; report Lost or Stolen here.");
        if (string.IsNullOrWhiteSpace(report.Source) || report.Source.Trim().Length > 100)
            return Error.Validation("source", "Say who reported it (at most 100 characters).");
        if (report.Reason?.Length > 500)
            return Error.Validation("reason", "The reason has at most 500 characters.");
        if (await DocumentRegister.FindAsync(db, number, state, ct) is { } existing)
            return Error.Conflict("register.already", $"{existing.DocumentNumber} ({existing.IssuingState}) is already registered as {existing.Status} by {existing.Source}.");

        var entry = new RegisteredDocument
        {
            DocumentNumber = number, IssuingState = state, Status = report.Status, Source = report.Source.Trim(),
            Reason = string.IsNullOrWhiteSpace(report.Reason) ? null : report.Reason.Trim(), RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RegisteredDocuments.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("register.already", $"{number} ({state}) was registered meanwhile.");
        }

        return entry;
    }
}
