using Chancery.Core.Audit;
using Chancery.Core.Cases;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Security;

/// <summary>
/// Turns "this request read or wrote these people's data" into audit entries: the actor from
/// <see cref="CurrentActor"/> (staff, API client) or the applicant's own record, the remote address, and
/// one entry per person seen, appended in one batch per call.
/// </summary>
internal sealed class AuditTrail(IHttpContextAccessor http, CurrentActor current, AuditLog log, ChanceryDb db)
{
    public const string Read = "read";
    public const string Write = "write";

    // Fields are named as the entities' properties, which is how the breach report words them for the people.

    /// <summary>What the case pages and the case API show of a person.</summary>
    public static readonly IReadOnlyList<string> PersonFields =
        ["Surname", "GivenNames", "BirthDate", "PlaceOfBirth", "Sex", "Nationality", "Email", "Phone", "Address"];

    /// <summary>What lists show of a person: the name.</summary>
    public static readonly IReadOnlyList<string> NameFields = ["Surname", "GivenNames"];

    /// <summary>What an application holds beyond the person: the answers, contact details included.</summary>
    public static readonly IReadOnlyList<string> ApplicationFields = ["Answers"];

    /// <summary>What a step of a case changes.</summary>
    public static readonly IReadOnlyList<string> CaseStepFields = ["State", "DecisionReason"];

    /// <summary>What resetting an account's sign-in factors changes (StaffAccountControl.ClearFactorsAsync).</summary>
    public static readonly IReadOnlyList<string> FactorFields = ["AuthenticatorKey", "RecoveryCodes", "Passkeys"];

    /// <summary>
    /// Why a step was taken, as the log keeps it: the action only. The agent's own words can name people, so they stay
    /// in the case's history, sealed; the log is clear text that nobody can rewrite, nor erase a name from.
    /// </summary>
    public static string StepReason(CaseAction action) => "case step: " + action;

    /// <summary>Staff or an API client read or wrote a case: one entry for each person in it (applicant, parents).</summary>
    public async Task CaseAsync(string component, string action, Guid caseId, IReadOnlyList<string> fields, string? reason, CancellationToken ct)
    {
        var seen = await PeopleOfCasesAsync([caseId], fields, ct);
        await StaffAsync(component, action, seen, reason, ct);
    }

    /// <summary>
    /// Staff or an API client read or wrote an application (its answers): one entry for the application,
    /// whose answers hold the contact details, and one for each person of its case.
    /// </summary>
    public async Task ApplicationAsync(string component, string action, Guid caseId, string? reason, CancellationToken ct)
    {
        var seen = await PeopleOfCasesAsync([caseId], PersonFields, ct);
        if (seen.Count > 0)
            seen.Insert(0, new Seen("application", caseId.ToString(), "application", caseId.ToString(), ApplicationFields, seen[0].PostId));
        await StaffAsync(component, action, seen, reason, ct);
    }

    /// <summary>Staff saw a list of cases: one entry per applicant shown, with the fields the list shows.</summary>
    public async Task CasesAsync(string component, IReadOnlyCollection<Guid> caseIds, IReadOnlyList<string> fields, string? reason, CancellationToken ct)
    {
        if (caseIds.Count == 0)
            return;
        var seen = await PeopleOfCasesAsync(caseIds, fields, ct, applicantsOnly: true);
        await StaffAsync(component, Read, seen, reason, ct);
    }

    /// <summary>Staff read or wrote the booking with this reference (check-in desk, staff booking views).</summary>
    public Task BookingAsync(string component, string action, string reference, IReadOnlyList<string> fields, string? reason, CancellationToken ct) =>
        BookingsAsync(component, action, [reference], fields, reason, ct);

    /// <summary>Staff read or wrote the bookings with these references (one entry each).</summary>
    public async Task BookingsAsync(string component, string action, IReadOnlyCollection<string> references, IReadOnlyList<string> fields, string? reason, CancellationToken ct)
    {
        if (references.Count == 0)
            return;
        var seen = await db.Bookings.AsNoTracking().Where(b => references.Contains(b.Reference))
            .Select(b => new { b.Id, b.PostId })
            .ToListAsync(ct);
        await StaffAsync(component, action, seen.Select(b => new Seen("booking", b.Id.ToString(), "booking", b.Id.ToString(), fields, b.PostId)), reason, ct);
    }

    /// <summary>Staff or an API client read or wrote what <paramref name="seen"/> lists.</summary>
    public async Task StaffAsync(string component, string action, IEnumerable<Seen> seen, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var actor = await current.GetAsync(ct);
        var (kind, id, name) = actor is null ? ("system", "unknown", "unknown") : (actor.IsMachine ? "api" : "staff", actor.Id, actor.DisplayName);
        var records = seen.Select(s => new AuditRecord(kind, id, name, component, action, s.RecordType, s.RecordId, s.SubjectType, s.SubjectId, s.Fields, s.PostId, Address(), reason)).ToList();
        await log.AppendAsync(records, ct);
    }

    /// <summary>
    /// A staff account was looked at or changed (the administrators' accounts page, or the agent's own sign-in factors):
    /// staff are people too, and a stolen administrator session shows in the breach report by the accounts it touched.
    /// </summary>
    public Task AccountAsync(string component, string action, IEnumerable<string> userIds, IReadOnlyList<string> fields, string? reason, CancellationToken ct) =>
        StaffAsync(component, action, userIds.Select(id => new Seen("staff-account", id, "staff", id, fields, null)), reason, ct);

    /// <summary>An agent changed their own sign-in factors, before or while their session counts as signed in.</summary>
    public async Task OwnAccountAsync(string component, Chancery.Core.Staff.StaffUser self, IReadOnlyList<string> fields, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(self);
        var actor = await current.GetAsync(ct);
        var (id, name) = actor is null ? (self.Id, self.DisplayName) : (actor.Id, actor.DisplayName);
        await log.AppendAsync(
            [new AuditRecord("staff", id, name, component, Write, "staff-account", self.Id, "staff", self.Id, fields, null, Address(), reason)], ct);
    }

    /// <summary>An applicant read or wrote their own file: the actor is the record itself.</summary>
    public Task ApplicantAsync(string component, string action, Seen seen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return log.AppendAsync(
            [new AuditRecord("applicant", $"{seen.RecordType}:{seen.RecordId}", "applicant", component, action, seen.RecordType, seen.RecordId, seen.SubjectType, seen.SubjectId, seen.Fields, seen.PostId, Address(), null)],
            ct);
    }

    private string? Address() => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private async Task<List<Seen>> PeopleOfCasesAsync(IReadOnlyCollection<Guid> caseIds, IReadOnlyList<string> fields, CancellationToken ct, bool applicantsOnly = false)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.PostId,
                c.ApplicantId,
                FirstParentId = applicantsOnly ? null : (Guid?)((BirthReportCase)c).FirstParentId,
                SecondParentId = applicantsOnly ? null : ((BirthReportCase)c).SecondParentId,
            })
            .ToListAsync(ct);
        return cases
            .SelectMany(c => new[] { c.ApplicantId, c.FirstParentId, c.SecondParentId }.OfType<Guid>().Where(p => p != Guid.Empty).Distinct()
                .Select(person => new Seen("case", c.Id.ToString(), "person", person.ToString(), fields, c.PostId)))
            .ToList();
    }

    /// <summary>One record seen: which record, whose data, which fields, at which post.</summary>
    public sealed record Seen(string RecordType, string RecordId, string SubjectType, string SubjectId, IReadOnlyList<string> Fields, int? PostId);
}
