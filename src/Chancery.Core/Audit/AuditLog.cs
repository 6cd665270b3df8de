using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chancery.Core.Audit;

/// <summary>
/// Appends entries to the tamper-evident audit log. Positions are consecutive from 0 whatever the number
/// of appenders: the primary key on <see cref="AuditEntry.Seq"/> refuses a second entry at a position,
/// and the loser reads the new end and tries again.
/// </summary>
/// <remarks>
/// Each append runs on a context and transaction of its own, made from <paramref name="db"/>'s options,
/// so it neither saves the caller's pending changes nor holds the caller's locks longer. Call it after
/// the caller's own transaction has committed: on SQLite an open write transaction would make it wait.
/// </remarks>
public sealed class AuditLog(ChanceryDb db, TimeProvider clock)
{
    private const int MaxAttempts = 20;

    // Appenders on PostgreSQL queue on one transaction-scoped advisory lock instead of colliding on the key.
    private const long PostgresLockKey = 0x4348_4155_4449_5401;

    // Column sizes from the entity configuration: longer values are cut before hashing, so what is
    // stored is exactly what was hashed.
    private static readonly Dictionary<string, int> MaxLength = new(StringComparer.Ordinal)
    {
        [nameof(AuditEntry.ActorKind)] = 16,
        [nameof(AuditEntry.ActorId)] = 128,
        [nameof(AuditEntry.ActorName)] = 256,
        [nameof(AuditEntry.Component)] = 128,
        [nameof(AuditEntry.Action)] = 16,
        [nameof(AuditEntry.RecordType)] = 32,
        [nameof(AuditEntry.RecordId)] = 64,
        [nameof(AuditEntry.SubjectType)] = 32,
        [nameof(AuditEntry.SubjectId)] = 64,
        [nameof(AuditEntry.Fields)] = 1000,
        [nameof(AuditEntry.Address)] = 64,
        [nameof(AuditEntry.Reason)] = 500,
    };

    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("chancery-audit-entry-v1");

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            return;
        var at = Truncate(clock.GetUtcNow().UtcDateTime);
        var options = (DbContextOptions<ChanceryDb>)db.GetService<IDbContextOptions>();
        if (db.Database.CurrentTransaction is { } outer)
        {
            // Inside the caller's transaction (an intake that keeps its response): a second connection would wait
            // for the lock this one holds, so the entries go on the caller's connection and commit with it.
            await using var shared = new ChanceryDb(options);
            shared.Database.SetDbConnection(db.Database.GetDbConnection());
            await shared.Database.UseTransactionAsync(outer.GetDbTransaction(), ct);
            await AddAtTheEndAsync(shared, records, at, ct);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var context = new ChanceryDb(options);
            try
            {
                // SQLite begins IMMEDIATE: appenders queue on the write lock (up to the busy timeout).
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                await AddAtTheEndAsync(context, records, at, ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                // Another appender took these positions first.
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, 5 * attempt)), clock, ct);
            }
        }
    }

    // Inside the context's transaction: on PostgreSQL one appender at a time (an advisory lock held to the commit;
    // SQLite's write lock does the same), then the entries after the last one.
    private static async Task AddAtTheEndAsync(ChanceryDb context, IReadOnlyList<AuditRecord> records, DateTime at, CancellationToken ct)
    {
        if (context.IsPostgres())
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        var next = (await context.AuditEntries.MaxAsync(e => (long?)e.Seq, ct) ?? -1) + 1;
        for (var i = 0; i < records.Count; i++)
            context.AuditEntries.Add(ToEntry(records[i], next + i, at));
        await context.SaveChangesAsync(ct);
    }

    /// <summary>The entry <paramref name="record"/> becomes at position <paramref name="seq"/>, hashed.</summary>
    public static AuditEntry ToEntry(AuditRecord record, long seq, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new AuditEntry
        {
            Seq = seq,
            At = Truncate(at),
            ActorKind = Clip(nameof(AuditEntry.ActorKind), record.ActorKind),
            ActorId = Clip(nameof(AuditEntry.ActorId), record.ActorId),
            ActorName = Clip(nameof(AuditEntry.ActorName), record.ActorName),
            Component = Clip(nameof(AuditEntry.Component), record.Component),
            Action = Clip(nameof(AuditEntry.Action), record.Action),
            RecordType = Clip(nameof(AuditEntry.RecordType), record.RecordType),
            RecordId = Clip(nameof(AuditEntry.RecordId), record.RecordId),
            SubjectType = Clip(nameof(AuditEntry.SubjectType), record.SubjectType),
            SubjectId = Clip(nameof(AuditEntry.SubjectId), record.SubjectId),
            Fields = Clip(nameof(AuditEntry.Fields), string.Join(',', record.Fields)),
            PostId = record.PostId,
            Address = ClipOrNull(nameof(AuditEntry.Address), record.Address),
            Reason = ClipOrNull(nameof(AuditEntry.Reason), record.Reason),
        };
        entry.LeafHash = LeafHashOf(entry);
        return entry;
    }

    /// <summary>Hex SHA-256(0x00 ‖ <see cref="CanonicalBytes"/>): what <see cref="AuditEntry.LeafHash"/> must hold.</summary>
    public static string LeafHashOf(AuditEntry entry) => LeafHashAt(entry, entry?.Seq ?? 0);

    /// <summary>The leaf hash the entry's content would have at position <paramref name="seq"/>: finds where a moved entry came from.</summary>
    public static string LeafHashAt(AuditEntry entry, long seq) => Convert.ToHexStringLower(MerkleTree.LeafHash(CanonicalBytes(entry, seq)));

    /// <summary>
    /// The entry as the tree sees it: a domain tag, then every column but the hash, each as a 4-byte
    /// big-endian length and its UTF-8 bytes (length 0xFFFFFFFF for null), so no two entries share
    /// bytes. The position is included: an entry moved to another position no longer matches its hash.
    /// </summary>
    public static byte[] CanonicalBytes(AuditEntry entry) => CanonicalBytes(entry, entry?.Seq ?? 0);

    private static byte[] CanonicalBytes(AuditEntry entry, long seq)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream(256);
        Write(buffer, Domain);
        Write(buffer, seq.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Write(buffer, entry.ActorKind);
        Write(buffer, entry.ActorId);
        Write(buffer, entry.ActorName);
        Write(buffer, entry.Component);
        Write(buffer, entry.Action);
        Write(buffer, entry.RecordType);
        Write(buffer, entry.RecordId);
        Write(buffer, entry.SubjectType);
        Write(buffer, entry.SubjectId);
        Write(buffer, entry.Fields);
        Write(buffer, entry.PostId?.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.Address);
        Write(buffer, entry.Reason);
        return buffer.ToArray();
    }

    /// <summary>PostgreSQL keeps microseconds: the time is cut to them before hashing on either database.</summary>
    public static DateTime Truncate(DateTime at) => new(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);

    private static void Write(MemoryStream buffer, string? value) =>
        Write(buffer, value is null ? null : Encoding.UTF8.GetBytes(value));

    private static void Write(MemoryStream buffer, byte[]? value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, value is null ? uint.MaxValue : (uint)value.Length);
        buffer.Write(length);
        if (value is not null)
            buffer.Write(value);
    }

    private static string Clip(string column, string value)
    {
        ArgumentNullException.ThrowIfNull(value, column);
        return value.Length <= MaxLength[column] ? value : value[..MaxLength[column]];
    }

    private static string? ClipOrNull(string column, string? value) => value is null ? null : Clip(column, value);
}
