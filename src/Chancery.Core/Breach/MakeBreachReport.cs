using Chancery.Core.Audit;
using Chancery.Core.Common;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Breach;

/// <summary>
/// Everyone whose data a compromised account, API key or component touched in a window, from the audit log.
/// The log is read with one grouped query over the (ActorId, At) or (Component, At) index: the database
/// returns one row per subject, field list and action, never the entries themselves. The people are then
/// read through their entities (so that encrypted fields are decrypted as everywhere else), in batches.
/// </summary>
public sealed class MakeBreachReport(ChanceryDb db, TimeProvider clock)
{
    private const int Batch = 500;

    private sealed record Source(string Label, IReadOnlyList<string> ActorIds, string? Component, bool Prefix);

    private sealed record Group(string SubjectType, string SubjectId, string Fields, string Action, DateTime First, DateTime Last, int Count);

    private sealed class Touched(string type, string id)
    {
        public string Type { get; } = type;

        public string Id { get; } = id;

        public SortedSet<string> Fields { get; } = new(StringComparer.Ordinal);

        public bool Written { get; set; }

        public DateTime First { get; set; } = DateTime.MaxValue;

        public DateTime Last { get; set; } = DateTime.MinValue;

        public int Count { get; set; }
    }

    public async Task<Result<BreachReport>> RunAsync(BreachRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From > request.To)
            return Error.Validation("from", "--from is after --to.");
        var source = await ResolveSourceAsync(request, ct);
        if (!source.IsSuccess)
            return source.Error;

        var entries = Window(db.AuditEntries.AsNoTracking(), source.Value, request.From, request.To);
        var touched = new Dictionary<(string, string), Touched>();
        long count = 0, writes = 0;
        var groups = entries
            .GroupBy(e => new { e.SubjectType, e.SubjectId, e.Fields, e.Action })
            .Select(g => new Group(g.Key.SubjectType, g.Key.SubjectId, g.Key.Fields, g.Key.Action, g.Min(e => e.At), g.Max(e => e.At), g.Count()))
            .AsAsyncEnumerable();
        await foreach (var g in groups.WithCancellation(ct))
        {
            if (!touched.TryGetValue((g.SubjectType, g.SubjectId), out var t))
                touched[(g.SubjectType, g.SubjectId)] = t = new Touched(g.SubjectType, g.SubjectId);
            foreach (var field in g.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                t.Fields.Add(field);
            var written = string.Equals(g.Action, "write", StringComparison.Ordinal);
            t.Written |= written;
            t.First = g.First < t.First ? g.First : t.First;
            t.Last = g.Last > t.Last ? g.Last : t.Last;
            t.Count += g.Count;
            count += g.Count;
            writes += written ? g.Count : 0;
        }

        var records = await entries.Select(e => new { e.RecordType, e.RecordId }).Distinct().LongCountAsync(ct);
        var people = new List<BreachSubject>(touched.Count);
        foreach (var byType in touched.Values.GroupBy(t => t.Type, StringComparer.Ordinal))
        {
            var who = await ResolveAsync(byType.Key, [.. byType.Select(t => t.Id)], ct);
            people.AddRange(byType.Select(t =>
            {
                var (name, contact, language) = who.TryGetValue(t.Id, out var found) ? found : (null, null, "fr");
                return new BreachSubject(t.Type, t.Id, name, contact, language, [.. t.Fields], t.Written, t.First, t.Last, t.Count);
            }));
        }

        people.Sort((a, b) => a.FirstAccess != b.FirstAccess ? a.FirstAccess.CompareTo(b.FirstAccess) : string.CompareOrdinal(a.Key, b.Key));
        return new BreachReport(request, source.Value.Label, clock.GetUtcNow().UtcDateTime, people, count, records) { Writes = writes };
    }

    private static IQueryable<AuditEntry> Window(IQueryable<AuditEntry> all, Source source, DateTime from, DateTime to)
    {
        var inWindow = all.Where(e => e.At >= from && e.At <= to);
        if (source.ActorIds is [var actorId])
            return inWindow.Where(e => e.ActorId == actorId);
        if (source.ActorIds.Count > 0)
        {
            var actorIds = source.ActorIds;
            return inWindow.Where(e => actorIds.Contains(e.ActorId));
        }

        var component = source.Component!;
        return source.Prefix ? inWindow.Where(e => e.Component.StartsWith(component)) : inWindow.Where(e => e.Component == component);
    }

    private async Task<Result<Source>> ResolveSourceAsync(BreachRequest request, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (name.Length == 0)
            return Error.Validation("name", "the account, key or component name is empty.");
        switch (request.Kind)
        {
            case BreachSourceKind.Account:
                var normalized = name.ToUpperInvariant();
                var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => new { u.Id, u.UserName, u.DisplayName }).FirstOrDefaultAsync(ct);
                return user is null
                    ? Error.NotFound($"The staff account '{name}'")
                    : new Source($"staff account '{user.UserName}' ({user.DisplayName})", [user.Id], null, false);
            case BreachSourceKind.ApiKey:
                var clients = await db.ApiClients.AsNoTracking().Where(c => c.Name == name).Select(c => c.Id).ToListAsync(ct);
                return clients.Count == 0
                    ? Error.NotFound($"The API key '{name}'")
                    : new Source($"API key '{name}'", [.. clients.Select(id => "api:" + id.ToString("N"))], null, false);
            default:
                var prefix = name.EndsWith('*');
                var component = prefix ? name[..^1] : name;
                if (component.Length == 0)
                    return Error.Validation("component", "a component prefix needs at least one character before '*'.");
                return new Source(prefix ? $"components '{name}'" : $"component '{name}'", [], component, prefix);
        }
    }

    /// <summary>Name, contact and language of each subject of one type that still exists, by subject id.</summary>
    private async Task<Dictionary<string, (string? Name, string? Contact, string Language)>> ResolveAsync(string type, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, (string?, string?, string)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            // Most subjects are named by a Guid; staff accounts and ballot registrations by a string of their own.
            var guids = chunk.Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
            switch (type)
            {
                case "person":
                    var languages = await db.Cases.AsNoTracking().Where(c => guids.Contains(c.ApplicantId))
                        .Join(db.SubmittedApplications, c => c.Id, a => a.CaseId, (c, a) => new { c.ApplicantId, a.Language })
                        .ToListAsync(ct);
                    var languageOf = languages.ToLookup(l => l.ApplicantId, l => l.Language);
                    foreach (var p in await db.Persons.AsNoTracking().Where(p => guids.Contains(p.Id)).ToListAsync(ct))
                    {
                        found[p.Id.ToString()] = (Join(p.GivenNames, p.Surname), p.Email ?? p.Address ?? p.Phone, Language(languageOf[p.Id].FirstOrDefault()));
                    }

                    break;
                case "booking":
                    foreach (var b in await db.Bookings.AsNoTracking().Where(b => guids.Contains(b.Id)).ToListAsync(ct))
                        found[b.Id.ToString()] = (b.Surname, b.Email, Language(b.Language));
                    break;
                case "draft":
                    foreach (var d in await db.ApplicationDrafts.AsNoTracking().Where(d => guids.Contains(d.Id)).ToListAsync(ct))
                    {
                        var answers = d.Answers;
                        found[d.Id.ToString()] = (Join(answers["givenNames"], answers["surname"]), answers["email"], Language(d.Language));
                    }

                    break;
                case "application":
                    foreach (var a in await db.SubmittedApplications.AsNoTracking().Where(a => guids.Contains(a.CaseId)).ToListAsync(ct))
                    {
                        var answers = a.Answers;
                        found[a.CaseId.ToString()] = (Join(answers["givenNames"], answers["surname"]), a.Email, Language(a.Language));
                    }

                    break;
                case "staff":
                    // An agent whose account an administrator looked at or changed: staff are people too.
                    foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
                        found[u.Id] = (u.DisplayName, u.Email, "fr");
                    break;
                case "ballot-entry":
                    foreach (var e in await db.BallotEntries.AsNoTracking().Where(e => chunk.Contains(e.RegistrationId)).ToListAsync(ct))
                        found[e.RegistrationId] = (e.Surname, e.Email, Language(e.Language));
                    break;
                default:
                    return found;
            }
        }

        return found;
    }

    private static string? Join(string? given, string? surname)
    {
        var name = string.Join(' ', new[] { given, surname }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return name.Length == 0 ? null : name;
    }

    private static string Language(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr";
}
