using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Persons;
using Chancery.Core.Screening;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Cases;

/// <summary>One case with its history, screenings and document, for someone who may see its post.</summary>
public sealed class ReadCase(ChanceryDb db)
{
    public async Task<Result<CaseView>> ExecuteAsync(Guid id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Applicant).Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null || !actor.Sees(@case.PostId) || !CasePermissions.CanRead(actor))
            return Error.NotFound("The case");

        var postCode = await db.Posts.Where(p => p.Id == @case.PostId).Select(p => p.Code).SingleAsync(ct);
        var parents = new List<PersonView>();
        if (@case is BirthReportCase birth)
        {
            var ids = new[] { birth.FirstParentId, birth.SecondParentId ?? Guid.Empty };
            var people = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            parents.AddRange(people.OrderBy(p => p.Id == birth.FirstParentId ? 0 : 1).Select(ToView));
        }

        var screenings = await db.ScreeningResults.AsNoTracking().Include(s => s.Matches).Where(s => s.CaseId == id).ToListAsync(ct);
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.CaseId == id).ToListAsync(ct);
        var live = documents.SingleOrDefault(d => d.Status == DocumentStatus.Printed);
        var voided = documents.Where(d => d.Status == DocumentStatus.Voided).OrderBy(d => d.PrintedAt)
            .Select(d => new VoidedDocumentView(d.DocumentNumber, d.VoidedAt, d.VoidReason)).ToList();

        var actions = CaseLifecycle.Available(@case.State).Where(a => actor.Has(CasePermissions.RoleFor(a))).ToList();
        return new CaseView(
            @case.Id,
            @case.Reference,
            postCode,
            @case.Kind,
            @case.State,
            ToView(@case.Applicant),
            (@case as PassportCase)?.Format,
            @case is VisaCase v ? new VisaView(v.Category, v.Purpose, v.Entries, v.RequestedFrom, v.RequestedUntil, v.TravelDocumentNumber, v.TravelDocumentState) : null,
            parents,
            @case.EnteredAt,
            @case.EnteredBy,
            @case.ApprovedBy,
            @case.ApprovedAt,
            @case.DecisionReason,
            screenings.OrderBy(s => s.ScreenedAt).Select(s => new ScreeningView(
                s.Id, s.Outcome.ToString(), s.ScreenedAt, s.ScreenedBy, s.Notes, s.ListVersions,
                s.Matches.OrderByDescending(m => m.Score).Select(ToView).ToList(),
                s.Resolution?.ToString(), s.ResolvedBy, s.ResolvedAt, s.Justification)).ToList(),
            live is null ? null : new DocumentView(live.Id, live.DocumentNumber, live.Kind, live.Status, live.PrintedAt, live.IssuedOn, live.ExpiresOn, live.Mrz?.Split('\n') ?? []),
            voided,
            @case.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new HistoryLine(e.At, e.Action, e.FromState, e.ToState, e.ActorName, e.IpAddress, e.Reason)).ToList(),
            actions);
    }

    private static MatchView ToView(ScreeningMatch m) => new(
        m.Source, m.Subject, m.Screened, m.ListName, m.SourceId, m.PrimaryName, m.MatchedName, m.MatchedKind, m.Score, m.ListedDetails,
        m.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static PersonView ToView(Person p) =>
        new(p.Surname, p.GivenNames, p.BirthDate, p.PlaceOfBirth, p.Sex, p.Nationality, p.Email, p.Phone, p.Address);
}
