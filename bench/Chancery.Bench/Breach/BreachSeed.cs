using System.Globalization;
using Chancery.Bench.Screening;
using Chancery.Core.Audit;
using Chancery.Core.Data;
using Chancery.Core.Persons;
using Chancery.Core.Staff;
using Npgsql;
using NpgsqlTypes;

namespace Chancery.Bench.Breach;

/// <summary>
/// The benchmark's log: <see cref="BreachBenchOptions.Subjects"/> people (through EF, as the app stores them),
/// one compromised staff account, and <see cref="BreachBenchOptions.Entries"/> audit entries over 30 days,
/// in time order, with real leaf hashes (<see cref="AuditLog.ToEntry"/>), copied in with PostgreSQL's binary COPY.
/// 500 other staff accounts, 50 API clients and the applicants themselves make the rest; what the
/// compromised account did inside the window is counted as it is generated, to check the report against.
/// </summary>
internal sealed record BreachSeed(string AccountName, DateTime From, DateTime To, int ExpectedEntries, int ExpectedPeople, int CompromisedEntries)
{
    private static readonly TimeSpan Span = TimeSpan.FromDays(30);

    private static readonly string[][] FieldSets =
    [
        ["Surname", "GivenNames", "BirthDate", "Nationality"],
        ["Surname", "GivenNames"],
        ["Email", "Phone"],
        ["Address"],
        ["Surname", "GivenNames", "BirthDate", "PlaceOfBirth", "Sex", "Nationality", "Email", "Phone", "Address"],
        ["DocumentNumber", "IssuingState"],
    ];

    private static readonly string[] Pages =
        ["page:/staff/cases/detail", "page:/staff/cases/index", "page:/staff/screening/hits", "page:/staff/appointments/day", "page:/staff/cases/print"];

    public static async Task<BreachSeed> CreateAsync(Func<ChanceryDb> newDb, string connectionString, BreachBenchOptions options, DateTime now, Action<string> log)
    {
        var random = new SplitMix64(20261123);
        var start = now - Span;
        var (from, to) = (start.AddDays(10), start.AddDays(24));

        log($"seeding {options.Subjects:N0} people through EF");
        var people = new Guid[options.Subjects];
        const int Batch = 5_000;
        for (var first = 0; first < options.Subjects; first += Batch)
        {
            await using var db = newDb();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(options.Subjects, first + Batch); i++)
            {
                var person = new Person
                {
                    Surname = F($"SURNAME{i:D6}"), GivenNames = F($"Given{i % 997}"), BirthDate = F($"{1940 + (i % 70)}-{1 + (i % 12):D2}-{1 + (i % 28):D2}"),
                    Sex = (i % 2) == 0 ? "F" : "M", Nationality = "GBR", Email = F($"person{i}@example.org"), Address = i % 3 == 0 ? F($"{i} Rue de la Paix, Paris") : null,
                };
                people[i] = person.Id;
                db.Persons.Add(person);
            }

            await db.SaveChangesAsync();
        }

        const string AccountName = "compromised.agent";
        var account = new StaffUser
        {
            UserName = AccountName, NormalizedUserName = AccountName.ToUpperInvariant(), DisplayName = "Compromised agent",
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        };
        await using (var db = newDb())
        {
            db.Users.Add(account);
            await db.SaveChangesAsync();
        }

        var staff = Enumerable.Range(0, 500).Select(i => (Id: Guid.NewGuid().ToString(), Name: F($"agent{i:D3}"))).ToArray();
        var clients = Enumerable.Range(0, 50).Select(i => (Id: "api:" + Guid.NewGuid().ToString("N"), Name: F($"partner {i:D2}"))).ToArray();
        log($"copying {options.Entries:N0} audit entries ({options.Compromised:N0} by the compromised account) with binary COPY");
        var compromisedChance = (double)options.Compromised / options.Entries;
        int expectedEntries = 0, compromisedEntries = 0;
        var expectedPeople = new HashSet<int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "AuditEntries" ("Seq", "At", "ActorKind", "ActorId", "ActorName", "Component", "Action", "RecordType", "RecordId", "SubjectType", "SubjectId", "Fields", "PostId", "Address", "Reason", "LeafHash") FROM STDIN (FORMAT BINARY)"""))
        {
            var step = Span.Ticks / options.Entries;
            for (var seq = 0; seq < options.Entries; seq++)
            {
                var at = start.AddTicks(step * seq);
                var subject = random.Below(options.Subjects);
                var subjectId = people[subject].ToString();
                var fields = random.Pick(FieldSets);
                var action = random.Chance(0.1) ? "write" : "read";
                AuditRecord record;
                if (random.Chance(compromisedChance))
                {
                    compromisedEntries++;
                    if (at >= from && at <= to)
                    {
                        expectedEntries++;
                        expectedPeople.Add(subject);
                    }

                    record = new("staff", account.Id, AccountName, random.Pick(Pages), action, "case", subjectId, "person", subjectId, fields, 1, "192.0.2.66", null);
                }
                else if (random.Chance(0.7))
                {
                    var (id, name) = random.Pick(staff);
                    record = new("staff", id, name, random.Pick(Pages), action, "case", subjectId, "person", subjectId, fields, 1 + random.Below(20), F($"192.0.2.{random.Below(250)}"), null);
                }
                else if (random.Chance(0.67))
                {
                    var (id, name) = random.Pick(clients);
                    record = new("api", id, name, "api:/api/v1/cases", action, "case", subjectId, "person", subjectId, fields, 1 + random.Below(20), F($"198.51.100.{random.Below(250)}"), null);
                }
                else
                {
                    record = new("applicant", "person:" + subjectId, "applicant", "page:/suivi", "read", "case", subjectId, "person", subjectId, fields, null, F($"203.0.113.{random.Below(250)}"), null);
                }

                var e = AuditLog.ToEntry(record, seq, at);
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Seq, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.ActorKind, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.ActorId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.ActorName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Component, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Action, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.RecordType, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.RecordId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.SubjectType, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.SubjectId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Fields, NpgsqlDbType.Varchar);
                if (e.PostId is { } post)
                    await copy.WriteAsync(post, NpgsqlDbType.Integer);
                else
                    await copy.WriteNullAsync();
                await copy.WriteAsync(e.Address, NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await copy.WriteAsync(e.LeafHash, NpgsqlDbType.Char);
                if (seq > 0 && seq % 200_000 == 0)
                    log($"  {seq:N0} entries");
            }

            await copy.CompleteAsync();
        }

        // A production database has statistics; a freshly copied table has none until autovacuum (off here) runs.
        await using (var analyze = new NpgsqlCommand("""ANALYZE "AuditEntries"; ANALYZE "Persons"; ANALYZE "Cases"; ANALYZE "SubmittedApplications";""", connection))
            await analyze.ExecuteNonQueryAsync();
        return new BreachSeed(AccountName, from, to, expectedEntries, expectedPeople.Count, compromisedEntries);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
