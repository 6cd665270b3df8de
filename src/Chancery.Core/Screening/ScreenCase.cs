using System.Globalization;
using System.Text;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Chancery.Core.Documents;
using Chancery.Core.Options;
using Chancery.Core.Persons;
using Chancery.Core.Screening.Index;
using Chancery.Core.Screening.Matching;
using Chancery.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chancery.Core.Screening;

/// <summary>
/// Runs the security checks on a case: every person on it against the watchlist index, and a
/// visa applicant's travel document against the register of lost, stolen and invalidated
/// documents. Records the result with what matched and why, and moves the case: clear, or
/// <see cref="CaseState.Hit"/> for a security officer. Used at submission, before print when the
/// last screening is stale, by the background worker for cases left waiting, and on request.
/// </summary>
public sealed class ScreenCase(ChanceryDb db, ScreeningIndexHolder holder, TimeProvider clock, IOptions<ChanceryOptions> options)
{
    /// <summary>The actor of automatic screenings.</summary>
    public static Actor System(int postId) =>
        new("system", "Chancery automatic screening", new HashSet<Role> { Role.SecurityOfficer }, new HashSet<int> { postId }, null, IsMachine: true);

    /// <summary>
    /// Screens a case tracked by the context and adds its result, without saving. Fails with
    /// <c>screening.index-not-ready</c> when the index of the current lists is not ready within
    /// <paramref name="wait"/> (the case then stays where it is, for the worker or a later try).
    /// </summary>
    public async Task<Result<ScreeningResult>> ScreenTrackedAsync(Case @case, Actor actor, DateTime now, TimeSpan wait, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(actor);
        var legal = CaseLifecycle.Next(@case.State, CaseAction.RecordChecks);
        if (!legal.IsSuccess)
            return legal.Error;

        var snapshot = await holder.GetCurrentAsync(db, wait, ct);
        if (snapshot is null)
        {
            return Error.Conflict("screening.index-not-ready",
                "The watchlist index is being rebuilt after a list changed; the checks will run as soon as it is ready.");
        }

        var threshold = options.Value.Screening.MatchThreshold;
        var hits = new List<(string Subject, string Screened, WatchlistHit Hit)>();
        foreach (var (subject, person) in await SubjectsAsync(@case, ct))
        {
            var query = new ScreeningQuery(QueryName(person), QueryBirthDate(person.BirthDate), person.Nationality);
            hits.AddRange(snapshot.Index.Search(query, threshold, maxHits: 10).Select(h => (subject, query.Name, h)));
        }

        // What the list says of each matched person, for the officer to compare with the applicant.
        var ids = hits.Select(h => h.Hit.EntryId).Distinct().ToList();
        var listed = await db.WatchlistEntries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.BirthDates, e.Nationalities, e.DocumentNumbers, e.Reason })
            .ToDictionaryAsync(e => e.Id, e => Details(e.BirthDates, e.Nationalities, e.DocumentNumbers, e.Reason), ct);
        var matches = hits.Select(h => ToMatch(h.Subject, h.Screened, h.Hit, snapshot, listed.GetValueOrDefault(h.Hit.EntryId))).ToList();

        if (@case is VisaCase visa
            && await DocumentRegister.FindAsync(db, visa.TravelDocumentNumber, visa.TravelDocumentState, ct) is { } registered)
        {
            matches.Add(new ScreeningMatch
            {
                Source = ScreeningMatch.DocumentRegisterSource,
                Subject = "Applicant",
                Screened = $"{visa.TravelDocumentNumber} ({visa.TravelDocumentState})",
                ListName = "Lost, stolen and invalidated documents",
                // The number stays in the sealed fields (Screened, Reasons): the clear ones name the register entry.
                SourceId = registered.Id.ToString(CultureInfo.InvariantCulture),
                PrimaryName = $"Travel document of {registered.IssuingState}, entry {registered.Id}",
                MatchedName = $"Travel document ({registered.IssuingState})",
                MatchedKind = registered.Status.ToString(),
                Score = 1,
                Reasons = $"Travel document {registered.DocumentNumber} ({registered.IssuingState}) is registered as {registered.Status} by {registered.Source}"
                          + (registered.Reason is null ? "." : $": {registered.Reason}"),
            });
        }

        // A match a security officer already cleared as a false positive on this case is not raised again;
        // any other match of the same person (another list entry, another list) is.
        var cleared = await db.ScreeningResults.AsNoTracking()
            .Where(r => r.CaseId == @case.Id && r.Resolution == HitResolution.Cleared)
            .SelectMany(r => r.Matches).Select(m => new { m.Source, m.ListName, m.SourceId, m.Subject })
            .ToListAsync(ct);
        var fresh = matches.Where(m => !cleared.Any(c => c.Source == m.Source && c.ListName == m.ListName && c.SourceId == m.SourceId && c.Subject == m.Subject)).ToList();
        var passed = fresh.Count == 0;
        var notes = passed
            ? $"No match at threshold {threshold.ToString("0.00", CultureInfo.InvariantCulture)} against {snapshot.Describe()} ({snapshot.Index.Entries} listed persons) and the document register."
            : Summary(fresh);
        if (matches.Count > fresh.Count)
            notes += $" {matches.Count - fresh.Count} match(es) cleared earlier as false positives were not raised again.";
        matches = fresh;
        var wasPrinted = @case.State == CaseState.Printed;
        notes = Cut(notes, 2000);
        var step = @case.Apply(CaseAction.RecordChecks, actor, now, notes, passed);
        if (!step.IsSuccess)
            return step.Error;

        if (wasPrinted && !passed)
        {
            // A hit on a document not yet handed over: the document must not leave the post.
            var live = await db.IssuedDocuments.SingleOrDefaultAsync(d => d.CaseId == @case.Id && d.Status == DocumentStatus.Printed, ct);
            live?.Void(now, "Security checks found a hit before issue");
        }

        var result = new ScreeningResult
        {
            CaseId = @case.Id,
            Outcome = passed ? ScreeningOutcome.Clear : ScreeningOutcome.Hit,
            ScreenedAt = now,
            ScreenedBy = actor.Id,
            Notes = notes,
            ListVersions = snapshot.Describe(),
        };
        foreach (var match in matches)
            result.AddMatch(match);
        db.ScreeningResults.Add(result);
        return result;
    }

    /// <summary>
    /// Screens a waiting case on its own (the background worker): claims the case, screens it and
    /// saves. Cases no longer waiting are left alone.
    /// </summary>
    public async Task<Result<ScreeningResult>> ExecuteAsync(Guid caseId, TimeSpan wait, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Applicant).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
            return Error.NotFound("The case");
        if (@case.State != CaseState.ChecksPending)
            return Error.Conflict("screening.not-waiting", "The case is not waiting for its checks.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await CaseClaim.TryAsync(db, @case, ct))
            return Error.Conflict("case.changed", "The case was changed meanwhile.");

        var result = await ScreenTrackedAsync(@case, System(@case.PostId), clock.GetUtcNow().UtcDateTime, wait, ct);
        if (!result.IsSuccess)
            return result;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The name as the matcher reads it best: family name first, before a comma.</summary>
    public static string QueryName(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return string.IsNullOrWhiteSpace(person.GivenNames) ? person.Surname : $"{person.Surname}, {person.GivenNames}";
    }

    public static BirthDate? QueryBirthDate(string? partial) =>
        PartialDate.TryParse(partial, out var date) ? new BirthDate(date.Year, date.Month, date.Day) : null;

    private async Task<List<(string Subject, Person Person)>> SubjectsAsync(Case @case, CancellationToken ct)
    {
        var subjects = new List<(string, Person)> { ("Applicant", @case.Applicant) };
        if (@case is BirthReportCase birth)
        {
            var ids = new[] { birth.FirstParentId, birth.SecondParentId ?? Guid.Empty };
            var parents = birth.FirstParent is not null
                ? new[] { birth.FirstParent, birth.SecondParent }.OfType<Person>().ToList()
                : await db.Persons.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            subjects.AddRange(parents.Select(p => (p.Id == birth.FirstParentId ? "FirstParent" : "SecondParent", p)));
        }

        return subjects;
    }

    private static string? Details(string? birthDates, string? nationalities, string? documents, string? reason)
    {
        var parts = new List<string>(4);
        if (!string.IsNullOrEmpty(birthDates))
            parts.Add("born " + birthDates.Replace("|", ", ", StringComparison.Ordinal));
        if (!string.IsNullOrEmpty(nationalities))
            parts.Add("nationality " + nationalities.Replace("|", ", ", StringComparison.Ordinal));
        if (!string.IsNullOrEmpty(documents))
            parts.Add("documents " + documents.Replace("|", ", ", StringComparison.Ordinal));
        if (!string.IsNullOrEmpty(reason))
            parts.Add("listed for " + reason);
        return parts.Count == 0 ? null : Cut(string.Join("; ", parts), 1000);
    }

    private static ScreeningMatch ToMatch(string subject, string screened, WatchlistHit hit, ScreeningSnapshot snapshot, string? details)
    {
        var version = snapshot.ListVersions.TryGetValue(hit.ListName, out var v) ? v : 0;
        var reasons = new StringBuilder();
        reasons.AppendLine(CultureInfo.InvariantCulture, $"score {hit.Score:0.000} (name {hit.NameScore:0.000})");
        foreach (var reason in hit.Reasons)
            reasons.AppendLine(reason);
        var text = reasons.ToString().TrimEnd();
        return new ScreeningMatch
        {
            Source = ScreeningMatch.WatchlistSource,
            Subject = subject,
            Screened = Cut(screened, 500),
            ListName = Cut(hit.ListName, 120),
            ListVersion = version,
            EntryId = hit.EntryId,
            SourceId = Cut(hit.SourceId, 64),
            PrimaryName = Cut(hit.PrimaryName, 500),
            MatchedName = Cut(hit.MatchedName, 500),
            MatchedKind = Cut(hit.MatchedKind, 16),
            Score = Math.Round(hit.Score, 4),
            ListedDetails = details,
            Reasons = Cut(text, 4000),
        };
    }

    private static string Summary(List<ScreeningMatch> matches)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{matches.Count} match{(matches.Count == 1 ? "" : "es")}: ");
        text.AppendJoin("; ", matches.Select(m => m.Source == ScreeningMatch.DocumentRegisterSource
            ? m.Reasons
            : string.Create(CultureInfo.InvariantCulture, $"{m.Subject} ~ {m.MatchedName} ({m.ListName} v{m.ListVersion} {m.SourceId}, {m.Score:0.00})")));
        return text.ToString();
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
