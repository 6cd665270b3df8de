using Chancery.Core.Audit;
using Chancery.TestCommon;
using Chancery.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Tests.Audit;

// chancery audit checkpoint / verify against a real database, tampered with behind the application's back.
public abstract class AuditCommandTests(DatabaseKind kind) : IDisposable
{
    private readonly string keys = Directory.CreateTempSubdirectory("chancery-audit-keys-").FullName;

    private string SigningKey => Path.Combine(keys, "signing.pem");

    private string VerifyKey => Path.Combine(keys, "verify.pem");

    [Fact]
    public async Task Verify_IntactSignedLog_ExitsZeroWithASummary()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 10);
        var (signed, signOutput, signError) = await RunAsync(database, "audit", "checkpoint", "--signing-key", SigningKey, "--verify-key", VerifyKey);

        var (code, stdout, stderr) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.True(signed == 0, signError);
        Assert.StartsWith("signed checkpoint 10 root ", signOutput, StringComparison.Ordinal);
        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("audit log verified: 10 entries, 1 checkpoints; the latest covers entries 0-9, signed ", stdout, StringComparison.Ordinal);
        // Only the public key is needed to verify; the private key stays with the signer.
        Assert.Contains("PUBLIC KEY", await File.ReadAllTextAsync(VerifyKey), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", await File.ReadAllTextAsync(VerifyKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AFieldAlteredInTheDatabase_ExitsOneNamingTheEntry()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 10);
        await SignAsync(database);
        await SqlAsync(database, """UPDATE "AuditEntries" SET "ActorName" = 'Somebody Else' WHERE "Seq" = 4""");

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Equal("entry 4 was altered: its content no longer matches its leaf hash", stdout.Trim());
    }

    [Fact]
    public async Task Verify_AnEntryDeleted_ExitsOneNamingTheEntry()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 10);
        await SignAsync(database);
        await SqlAsync(database, """DELETE FROM "AuditEntries" WHERE "Seq" = 6""");

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Equal("entry 6 was removed: the log goes from entry 5 to entry 7", stdout.Trim());
    }

    [Fact]
    public async Task Verify_FirstEntryDeleted_ExitsOneNamingEntryZero()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 3);
        await SqlAsync(database, """DELETE FROM "AuditEntries" WHERE "Seq" = 0""");

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Equal("entry 0 was removed: the log starts at entry 1", stdout.Trim());
    }

    [Fact]
    public async Task Verify_TwoEntriesContentsSwapped_ExitsOneNamingTheFirstAsReordered()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 10);
        await SignAsync(database);
        await SwapAsync(database, 3, 7, withHashes: false);

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Equal("entry 3 was reordered: it holds the entry written at position 7", stdout.Trim());
    }

    [Fact]
    public async Task Verify_TwoRowsSwappedHashesAndAll_ExitsOneNamingTheFirstAsReordered()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 10);
        await SwapAsync(database, 2, 8, withHashes: true);

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Equal("entry 2 was reordered: it holds the entry written at position 8", stdout.Trim());
    }

    [Fact]
    public async Task Verify_EntryAndItsLeafHashAlteredConsistently_IsCaughtByTheCheckpointNamingItsRange()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 5);
        await SignAsync(database);
        await AppendAsync(database, 5);
        await SignAsync(database);
        await using (var db = database.NewContext())
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Seq == 7);
            var forged = AuditLog.ToEntry(
                new AuditRecord(entry.ActorKind, entry.ActorId, "Somebody Else", entry.Component, entry.Action, entry.RecordType, entry.RecordId,
                    entry.SubjectType, entry.SubjectId, entry.Fields.Split(','), entry.PostId, entry.Address, entry.Reason),
                entry.Seq,
                entry.At);
            await db.AuditEntries.Where(e => e.Seq == 7)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, forged.ActorName).SetProperty(e => e.LeafHash, forged.LeafHash));
        }

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Matches(@"^checkpoint 10 \(signed [0-9T:.\-]+Z\) does not match the log: an entry among entries 5-9 was altered, removed or reordered$", stdout.Trim());
    }

    [Fact]
    public async Task Verify_LastEntryDeleted_IsCaughtByTheCheckpoint()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 6);
        await SignAsync(database);
        await SqlAsync(database, """DELETE FROM "AuditEntries" WHERE "Seq" = 5""");

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Contains("checkpoint 6", stdout, StringComparison.Ordinal);
        Assert.Contains("covers entries 5-5, which are no longer in the log", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointSignatureForged_ExitsOneNamingTheCheckpoint()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 4);
        await SignAsync(database);
        // A root of someone's choosing: the signature, over the original root, no longer fits.
        await SqlAsync(database, $"""UPDATE "AuditCheckpoints" SET "RootHash" = '{new string('0', 64)}'""");

        var (code, stdout, _) = await RunAsync(database, "audit", "verify", "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Contains("checkpoint 4", stdout, StringComparison.Ordinal);
        Assert.Contains("signature that does not verify; it covers entries 0-3", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_OnATamperedLog_SignsNothingAndExitsOne()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 5);
        await SqlAsync(database, """UPDATE "AuditEntries" SET "Reason" = 'covered up' WHERE "Seq" = 2""");

        var (code, _, stderr) = await RunAsync(database, "audit", "checkpoint", "--signing-key", SigningKey, "--verify-key", VerifyKey);

        Assert.Equal(1, code);
        Assert.Contains("entry 2 was altered", stderr, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.AuditCheckpoints.CountAsync());
    }

    [Fact]
    public async Task Checkpoint_WhenTheLogHasNotGrown_SignsNothingMore()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await AppendAsync(database, 3);
        await SignAsync(database);

        var (code, stdout, _) = await RunAsync(database, "audit", "checkpoint", "--signing-key", SigningKey, "--verify-key", VerifyKey);

        Assert.Equal(0, code);
        Assert.Equal("nothing new to sign: 3 entries, the latest checkpoint covers 3", stdout.Trim());
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "rewrite")]
    [InlineData("audit", "verify", "--frobnicate", "x")]
    [InlineData("audit", "checkpoint", "--every", "soon")]
    [InlineData("audit", "checkpoint", "--every")]
    public async Task BadArguments_ExitTwoWithOneLine(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var (code, _, stderr) = await RunAsync(database, args);

        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    public void Dispose()
    {
        Directory.Delete(keys, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static async Task AppendAsync(TestDatabase database, int count)
    {
        await using var db = database.NewContext();
        var log = new AuditLog(db, TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(
                [new AuditRecord("staff", "user-" + i, "Agent " + i, "page:/staff/cases/detail", "read", "case", Guid.NewGuid().ToString(), "person", Guid.NewGuid().ToString(), ["Surname", "GivenNames"], 1, "192.0.2.7", "case file")],
                default);
        }
    }

    private async Task SignAsync(TestDatabase database)
    {
        var (code, _, stderr) = await RunAsync(database, "audit", "checkpoint", "--signing-key", SigningKey, "--verify-key", VerifyKey);
        Assert.True(code == 0, stderr);
    }

    private static async Task SqlAsync(TestDatabase database, string sql)
    {
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql));
    }

    // Exchanges the contents of two rows, keeping their positions (and, unless asked, their leaf hashes).
    private static async Task SwapAsync(TestDatabase database, long a, long b, bool withHashes)
    {
        await using var db = database.NewContext();
        var x = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Seq == a);
        var y = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Seq == b);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await OverwriteAsync(db, a, y, withHashes ? y.LeafHash : x.LeafHash);
        await OverwriteAsync(db, b, x, withHashes ? x.LeafHash : y.LeafHash);
        await transaction.CommitAsync();
    }

    private static Task<int> OverwriteAsync(Chancery.Core.Data.ChanceryDb db, long seq, AuditEntry from, string leafHash) =>
        db.AuditEntries.Where(e => e.Seq == seq).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.At, from.At)
            .SetProperty(e => e.ActorKind, from.ActorKind)
            .SetProperty(e => e.ActorId, from.ActorId)
            .SetProperty(e => e.ActorName, from.ActorName)
            .SetProperty(e => e.Component, from.Component)
            .SetProperty(e => e.Action, from.Action)
            .SetProperty(e => e.RecordType, from.RecordType)
            .SetProperty(e => e.RecordId, from.RecordId)
            .SetProperty(e => e.SubjectType, from.SubjectType)
            .SetProperty(e => e.SubjectId, from.SubjectId)
            .SetProperty(e => e.Fields, from.Fields)
            .SetProperty(e => e.PostId, from.PostId)
            .SetProperty(e => e.Address, from.Address)
            .SetProperty(e => e.Reason, from.Reason)
            .SetProperty(e => e.LeafHash, leafHash));

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var dbArgs = database.CliArguments();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, .. database.CliArguments()], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

[Collection("sqlite")]
public sealed class AuditCommandTestsSqlite() : AuditCommandTests(DatabaseKind.Sqlite);

[Collection("postgres")]
public sealed class AuditCommandTestsPostgres() : AuditCommandTests(DatabaseKind.Postgres);
