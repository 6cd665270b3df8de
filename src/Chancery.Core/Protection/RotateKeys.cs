using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Data;
using Chancery.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Protection;

/// <summary>
/// Re-seals every personal value under the newest data key, in batches, while the servers keep serving.
/// A batch is read through the model, so each value is opened under its own version and sealed again
/// under the newest; a value a server writes meanwhile is sealed under whatever key that server holds and,
/// if older, is found by the next pass. Interrupted, it resumes where values under older versions remain.
/// </summary>
public sealed class RotateKeys(IServiceScopeFactory scopes, KeyRing keys, TimeProvider clock, UploadStore? uploads = null)
{
    public const int BatchSize = 200;

    /// <summary>Where the work stands, for a progress bar.</summary>
    public sealed record Progress(int Done, int Total, string Entity);

    public sealed record Outcome(int NewVersion, int Resealed, IReadOnlyDictionary<string, int> Remaining)
    {
        public bool Complete => Remaining.Values.All(v => v == 0);
    }

    /// <summary>Adds a data key unless <paramref name="resume"/> and a rotation is unfinished; then re-seals and verifies.</summary>
    public async Task<Outcome> ExecuteAsync(bool resume, IProgress<Progress>? progress, CancellationToken ct)
    {
        keys.Load();
        var version = keys.CurrentVersion;
        var unfinished = (await CountOlderAsync(version, ct)).Values.Sum() > 0;
        if (!(resume && unfinished))
            version = await keys.AddDataKeyAsync(ct);

        var total = (await CountOlderAsync(version, ct)).Values.Sum();
        var done = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var entity in PersonalData.Entities)
            {
                while (true)
                {
                    // A batch that changed no row (every row of it changed by a server meanwhile) ends this pass
                    // over the entity: the next pass looks again, and the verification reports what is left.
                    var n = await ResealBatchAsync(entity, version, ct);
                    if (n == 0)
                        break;
                    done += n;
                    progress?.Report(new Progress(done, Math.Max(total, done), entity.Name));
                }
            }

            // Staff accounts' second-factor secrets (StaffUserStore).
            done += await ResealStaffTokensAsync(version, ct);

            // Applicants' files, one at a time (a file is sealed whole).
            foreach (var name in uploads?.OlderThan(version) ?? [])
            {
                if (await uploads!.ResealAsync(name, ct))
                {
                    done++;
                    progress?.Report(new Progress(done, Math.Max(total, done), UploadStore.Entity));
                }
            }

            if ((await CountOlderAsync(version, ct)).Values.Sum() == 0)
                break;
        }

        var remaining = await CountOlderAsync(version, ct);
        if (remaining.Values.All(v => v == 0))
            await RetireOlderAsync(version, ct);
        progress?.Report(new Progress(done, Math.Max(total, done), ""));
        return new Outcome(version, done, remaining);
    }

    /// <summary>Counts, per entity, the rows holding at least one value under a data key older than <paramref name="version"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountOlderAsync(int version, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Every post's rows: under row-level security an unscoped count would be zero and the rotation would look done (docs/rls.md).
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        foreach (var entity in PersonalData.Entities)
        {
            var method = typeof(RotateKeys).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity.ClrType);
            counts[entity.Name] = await (Task<int>)method.Invoke(null, [db, entity, version, ct])!;
        }

        counts[StaffUserStore.Entity] = await OlderStaffTokens(db, version).CountAsync(ct);
        if (uploads is not null)
            counts[UploadStore.Entity] = uploads.OlderThan(version).Count;
        return counts;
    }

    private static IQueryable<IdentityUserToken<string>> OlderStaffTokens(ChanceryDb db, int version)
    {
        var prefix = PrefixOf(version);
        string[] names = [.. StaffUserStore.SealedNames];
        return db.UserTokens.Where(t => names.Contains(t.Name) && t.Value != null && !t.Value.StartsWith(prefix));
    }

    private async Task<int> ResealStaffTokensAsync(int version, CancellationToken ct)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var sealer = scope.ServiceProvider.GetRequiredService<Sealer>();
        var tokens = await OlderStaffTokens(db, version).ToListAsync(ct);
        foreach (var token in tokens)
            token.Value = sealer.Seal(sealer.Open(token.Value!, StaffUserStore.Entity, token.Name, token.UserId), StaffUserStore.Entity, token.Name, token.UserId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An agent changed a factor meanwhile: the next pass looks again.
            return 0;
        }

        return tokens.Count;
    }

    private async Task<int> ResealBatchAsync(SealedEntity entity, int version, CancellationToken ct)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var method = typeof(RotateKeys).GetMethod(nameof(LoadBatchAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity.ClrType);
        var batch = await (Task<List<object>>)method.Invoke(null, [db, entity, version, ct])!;
        if (batch.Count == 0)
            return 0;
        foreach (var row in batch)
            SealingInterceptor.Instance.Forget(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A server changed or removed a row of the batch meanwhile; what it wrote is looked at again next time.
            return 0;
        }

        // Rows still under an older key after the save were not sealed again (a context without the sealing
        // interceptor): stop rather than read the same batch for ever.
        return batch.Count(row => !Older(entity, version, db.Entry(row))) is var resealed && resealed > 0
            ? resealed
            : throw new InvalidOperationException($"{entity.Name}: a batch of {batch.Count} rows was saved but none is under key version {version}.");
    }

    private static bool Older(SealedEntity entity, int version, EntityEntry row) =>
        entity.Fields.Any(f => row.Property(PersonalData.Stored(f.Name)).CurrentValue is string stored && Sealer.VersionOf(stored) != version);

    // What every value sealed under the key version starts with, for queries in SQL.
    private static string PrefixOf(int version) => Sealer.Prefix + version.ToString(CultureInfo.InvariantCulture) + ".";

    private static async Task<List<object>> LoadBatchAsync<T>(ChanceryDb db, SealedEntity entity, int version, CancellationToken ct)
        where T : class =>
        [.. await db.Set<T>().Where(Older<T>(entity, version)).Take(BatchSize).ToListAsync(ct)];

    private static Task<int> CountAsync<T>(ChanceryDb db, SealedEntity entity, int version, CancellationToken ct)
        where T : class =>
        db.Set<T>().CountAsync(Older<T>(entity, version), ct);

    /// <summary>Rows with a sealed value that does not start with the newest version's prefix.</summary>
    private static Expression<Func<T, bool>> Older<T>(SealedEntity entity, int version)
    {
        var row = Expression.Parameter(typeof(T), "e");
        var prefix = Expression.Constant(PrefixOf(version));
        var property = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression? any = null;
        foreach (var field in entity.Fields)
        {
            var stored = Expression.Call(property, row, Expression.Constant(PersonalData.Stored(field.Name)));
            var older = Expression.AndAlso(
                Expression.NotEqual(stored, Expression.Constant(null, typeof(string))),
                Expression.Not(Expression.Call(stored, startsWith, prefix)));
            any = any is null ? older : Expression.OrElse(any, older);
        }

        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    private async Task RetireOlderAsync(int version, CancellationToken ct)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ChanceryDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SealingKeys.Where(k => k.Purpose == KeyRing.DataPurpose && k.Version < version && k.RetiredAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RetiredAt, now), ct);
    }
}
