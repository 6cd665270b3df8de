using Chancery.Core.Audit;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Tests.Audit;

/// <summary>Appending to the audit log on a real database, each test on a database of its own.</summary>
public abstract class AuditLogTests(DatabaseKind kind)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static AuditRecord Record(string subject, string reason = "test") => new(
        "staff", "user-1", "Agent Test", "test:audit", "read", "case", Guid.NewGuid().ToString(), "person", subject,
        ["surname", "given_names"], 7, "192.0.2.1", reason);

    [Fact]
    public async Task Append_FromManyConcurrentTasks_GivesConsecutivePositionsFromZero()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        const int Tasks = 8, BatchesPerTask = 15;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var b = 0; b < BatchesPerTask; b++)
            {
                // One context per append, as one request would have: the appenders really race.
                await using var db = database.NewContext();
                var records = Enumerable.Range(0, 1 + (b % 3)).Select(i => Record($"p-{t}-{b}-{i}")).ToList();
                await new AuditLog(db, Clock).AppendAsync(records, default);
            }
        })));

        await using var check = database.NewContext();
        var entries = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        var expected = Tasks * Enumerable.Range(0, BatchesPerTask).Sum(b => 1 + (b % 3));
        Assert.Equal(Enumerable.Range(0, expected).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.All(entries, e => Assert.Equal(AuditLog.LeafHashOf(e), e.LeafHash));
        Assert.Equal(expected, entries.Select(e => e.SubjectId).Distinct().Count());
    }

    [Fact]
    public async Task Append_KeepsOneBatchTogetherAndHashesWhatIsStored()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (var db = database.NewContext())
        {
            await new AuditLog(db, Clock).AppendAsync([Record("first")], default);
            await new AuditLog(db, Clock).AppendAsync([Record("a", new string('x', 900)), Record("b"), Record("c")], default);
            // The caller's context stays clean: nothing of the log is tracked there.
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using var check = database.NewContext();
        var entries = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(["first", "a", "b", "c"], entries.Select(e => e.SubjectId));
        Assert.Equal([0L, 1, 2, 3], entries.Select(e => e.Seq));
        Assert.Equal("surname,given_names", entries[1].Fields);
        Assert.Equal(500, entries[1].Reason!.Length);
        // Read back from the database, every entry still hashes to its stored leaf hash (time included).
        Assert.All(entries, e => Assert.Equal(AuditLog.LeafHashOf(e), e.LeafHash));
    }

    [Fact]
    public void LeafHash_ChangesWithAnyFieldAndWithThePosition()
    {
        var at = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        var entry = AuditLog.ToEntry(Record("x"), 5, at);

        Assert.NotEqual(entry.LeafHash, AuditLog.ToEntry(Record("x") with { RecordId = entry.RecordId }, 6, at).LeafHash);
        Assert.Equal(entry.LeafHash, AuditLog.ToEntry(Record("x") with { RecordId = entry.RecordId }, 5, at).LeafHash);
        Assert.NotEqual(entry.LeafHash, AuditLog.ToEntry(Record("x") with { RecordId = entry.RecordId, Reason = null }, 5, at).LeafHash);
        Assert.NotEqual(entry.LeafHash, AuditLog.ToEntry(Record("x") with { RecordId = entry.RecordId, Reason = string.Empty }, 5, at).LeafHash);
        Assert.NotEqual(entry.LeafHash, AuditLog.ToEntry(Record("x") with { RecordId = entry.RecordId }, 5, at.AddTicks(10)).LeafHash);
    }
}

[Collection("sqlite")]
public sealed class AuditLogTestsSqlite() : AuditLogTests(DatabaseKind.Sqlite);

[Collection("postgres")]
public sealed class AuditLogTestsPostgres() : AuditLogTests(DatabaseKind.Postgres);
