using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Protection;

/// <summary>
/// Seals personal fields on their way to the database and opens them on the way back, for every entity in
/// <see cref="PersonalData"/>. Only the shadow columns are mapped, so a query that filters or projects on a
/// clear personal field fails to translate instead of reading sealed text; look-ups go through blind indexes.
/// </summary>
/// <remarks>
/// One instance serves every context of the process: EF Core keys its internal service provider on materialization
/// interceptors, so the sealer and the blind indexes are taken from each context's application services instead
/// (the key ring of the database that context reads).
/// </remarks>
public sealed class SealingInterceptor : ISaveChangesInterceptor, IMaterializationInterceptor
{
    private SealingInterceptor()
    {
    }

    public static SealingInterceptor Instance { get; } = new();

    // The clear values as last read or written, per entity instance: a field is sealed again only when it changed.
    private readonly ConditionalWeakTable<object, Dictionary<string, string?>> known = [];

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var spec = PersonalData.For(entity.GetType());
        if (spec is null)
            return entity;
        var sealer = Services(materializationData.Context).GetRequiredService<Sealer>();
        var row = spec.Row(entity);
        var clear = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            var stored = materializationData.GetPropertyValue<string?>(PersonalData.Stored(field.Name));
            var text = stored is null ? null : sealer.Open(stored, spec.Name, field.Name, row);
            field.Set(entity, text);
            clear[field.Name] = text;
        }

        foreach (var keyed in spec.Keyed)
        {
            var stored = materializationData.GetPropertyValue<string?>(PersonalData.Stored(keyed.Name));
            var value = stored is null ? null : keyed.Identity(entity);
            // A keyed field computed from sealed fields (no setter) is already right once they are open.
            if (keyed.Property.CanWrite)
                keyed.Property.SetValue(entity, value);
            clear[keyed.Name] = value;
        }

        known.AddOrUpdate(entity, clear);
        return entity;
    }

    /// <summary>Forgets the clear values last seen for <paramref name="entity"/>, so that saving seals every field again (key rotation).</summary>
    public void Forget(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        known.Remove(entity);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Seal(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Seal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Seal(DbContext? context)
    {
        if (context is null)
            return;
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
                continue;
            var spec = PersonalData.For(entry.Entity.GetType());
            if (spec is null)
                continue;
            Seal(entry, spec, Services(context));
        }
    }

    internal static IServiceProvider Services(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?? throw new InvalidOperationException("A context with sealed personal fields needs the application's services (AddDbContext, or UseApplicationServiceProvider).");

    private void Seal(EntityEntry entry, SealedEntity spec, IServiceProvider services)
    {
        var sealer = services.GetRequiredService<Sealer>();
        var index = services.GetRequiredService<BlindIndex>();
        var entity = entry.Entity;
        var clear = known.GetOrCreateValue(entity);
        var added = entry.State == EntityState.Added;
        var changed = false;
        var row = spec.Row(entity);
        foreach (var field in spec.Fields)
        {
            var text = field.Text(entity);
            if (!added && clear.TryGetValue(field.Name, out var before) && string.Equals(before, text, StringComparison.Ordinal))
                continue;
            entry.Property(PersonalData.Stored(field.Name)).CurrentValue = text is null ? null : sealer.Seal(text, spec.Name, field.Name, row);
            clear[field.Name] = text;
            changed = true;
        }

        foreach (var keyed in spec.Keyed)
        {
            var value = (string?)keyed.Property.GetValue(entity);
            if (!added && clear.TryGetValue(keyed.Name, out var before) && string.Equals(before, value, StringComparison.Ordinal))
                continue;
            entry.Property(PersonalData.Stored(keyed.Name)).CurrentValue = value is null ? null : index.IdentityOf(value);
            clear[keyed.Name] = value;
        }

        if (added || changed)
        {
            foreach (var column in spec.Indexes)
                entry.Property(column.Column).CurrentValue = column.Compute(entity, index);
        }
    }
}
