using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Protection;

/// <summary>
/// The data keys (by version) and blind-index keys, unwrapped in memory from their wrapped copies in
/// <see cref="ChanceryDb.SealingKeys"/>. New values are sealed under the newest data key; a rotation
/// made by another process is picked up within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class KeyRing(IMasterKey master, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string DataPurpose = "data";

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, byte[]> dataKeys = new();
    private readonly ConcurrentDictionary<string, byte[]> indexKeys = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int current;
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;

    public string MasterKeyId => master.Id;

    /// <summary>The data key version new values are sealed under.</summary>
    public int CurrentVersion
    {
        get
        {
            if (current == 0 || clock.GetUtcNow() - loadedAt > RefreshInterval)
                Load();
            return current;
        }
    }

    public byte[] DataKey(int version)
    {
        if (dataKeys.TryGetValue(version, out var key))
            return key;
        Load();
        return dataKeys.TryGetValue(version, out key) ? key : throw new SealedValueException($"Data key version {version} is not held: it was never created, or was removed after a rotation.");
    }

    public byte[] IndexKey(string index)
    {
        if (indexKeys.TryGetValue(index, out var key))
            return key;
        Load();
        return indexKeys.TryGetValue(index, out key) ? key : throw new SealedValueException($"No key for blind index {index}.");
    }

    /// <summary>Creates the first data key and the index keys when the database has none; safe with several processes at once.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var have = await db.SealingKeys.AsNoTracking().Select(k => k.Purpose).Distinct().ToListAsync(ct);
        var wanted = BlindIndex.Names.Select(n => BlindIndex.Purpose(n)).Prepend(DataPurpose).Where(p => !have.Contains(p)).ToList();
        foreach (var purpose in wanted)
        {
            db.SealingKeys.Add(NewKey(purpose, 1));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbFailures.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear(); // Another process created it.
            }
        }

        Load();
    }

    /// <summary>Adds data key version N+1, which becomes the one new values are sealed under. Returns it.</summary>
    public async Task<int> AddDataKeyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var latest = await db.SealingKeys.Where(k => k.Purpose == DataPurpose).MaxAsync(k => (int?)k.Version, ct) ?? 0;
        db.SealingKeys.Add(NewKey(DataPurpose, latest + 1));
        await db.SaveChangesAsync(ct);
        Load();
        return latest + 1;
    }

    /// <summary>Reads every key again (after a rotation by another process, or on an unknown version).</summary>
    public void Load()
    {
        lock (gate)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
            var keys = db.SealingKeys.AsNoTracking().ToList();
            foreach (var k in keys)
            {
                if (k.Purpose == DataPurpose)
                {
                    if (!dataKeys.ContainsKey(k.Version))
                        dataKeys[k.Version] = Unwrap(k);
                }
                else if (k.Purpose.StartsWith(BlindIndex.PurposePrefix, StringComparison.Ordinal) && !indexKeys.ContainsKey(k.Purpose[BlindIndex.PurposePrefix.Length..]))
                {
                    indexKeys[k.Purpose[BlindIndex.PurposePrefix.Length..]] = Unwrap(k);
                }
            }

            current = keys.Where(k => k.Purpose == DataPurpose && k.RetiredAt == null).Select(k => k.Version).DefaultIfEmpty(0).Max();
            loadedAt = clock.GetUtcNow();
            if (current == 0)
                throw new SealedValueException("No data key: the database has not been prepared (start the server once, or run chancery migrate).");
        }
    }

    private byte[] Unwrap(SealingKey k)
    {
        if (k.MasterKeyId != master.Id)
            throw new SealedValueException($"The {k.Purpose} key version {k.Version} is wrapped by master key {k.MasterKeyId}, not by the configured {master.Id}.");
        return master.Unwrap(Convert.FromBase64String(k.WrappedKey), k.Purpose + "|" + k.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private SealingKey NewKey(string purpose, int version)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var wrapped = master.Wrap(key, purpose + "|" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CryptographicOperations.ZeroMemory(key);
        return new SealingKey
        {
            Purpose = purpose, Version = version, WrappedKey = Convert.ToBase64String(wrapped), MasterKeyId = master.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
