using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Documents;

/// <summary>The print station's queue: documents printed in the register that the station has not yet confirmed.</summary>
public sealed class PrintJobs(ChanceryDb db, TimeProvider clock)
{
    public sealed record Job(Guid Id, Guid CaseId, string CaseReference, string PostCode, StockKind Kind, string DocumentNumber, string Surname, string GivenNames, string BirthDate, string Sex, string Nationality, DateOnly IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string> Mrz);

    public async Task<Result<IReadOnlyList<Job>>> PendingAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.PrintOperator))
            return Error.Forbidden("The print queue needs the role 'PrintOperator'.");
        var posts = actor.PostIds.ToList();
        var jobs = await (from d in db.IssuedDocuments.AsNoTracking()
                          join c in db.Cases on d.CaseId equals c.Id
                          join p in db.Posts on c.PostId equals p.Id
                          where posts.Contains(c.PostId) && d.Status == DocumentStatus.Printed && d.PrintedByStationAt == null
                          orderby d.PrintedAt
                          select new { d, c.Reference, p.Code, c.Applicant }).ToListAsync(ct);
        return jobs.Select(j => new Job(j.d.Id, j.d.CaseId, j.Reference, j.Code, j.d.Kind, j.d.DocumentNumber,
            j.Applicant.Surname, j.Applicant.GivenNames, j.Applicant.BirthDate, j.Applicant.Sex, j.Applicant.Nationality,
            j.d.IssuedOn, j.d.ExpiresOn, (IReadOnlyList<string>)(j.d.Mrz?.Split('\n') ?? []))).ToList();
    }

    public async Task<Result<Guid>> ConfirmAsync(Guid documentId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Role.PrintOperator))
            return Error.Forbidden("Confirming a print needs the role 'PrintOperator'.");
        var doc = await (from d in db.IssuedDocuments
                         join c in db.Cases on d.CaseId equals c.Id
                         where d.Id == documentId
                         select new { d, c.PostId }).SingleOrDefaultAsync(ct);
        if (doc is null || !actor.Sees(doc.PostId))
            return Error.NotFound("The print job");
        if (doc.d.Status != DocumentStatus.Printed)
            return Error.Conflict("print.voided", "This document was voided; do not print it.");
        doc.d.ConfirmPrinted(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return doc.d.Id;
    }
}
