using System.Globalization;
using System.Reflection;
using Chancery.Core.Applications;
using Chancery.Core.Appointments;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Documents;
using Chancery.Core.Persons;
using Chancery.Core.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Protection;

/// <summary>
/// Every personal field Chancery stores, in one list: sealed (AES-256-GCM, <see cref="Sealer"/>), the keyed
/// hashes that stand in for identities in unique indexes, and the blind indexes computed from them. The
/// model maps each field to a shadow column of the same name holding the sealed form; the entity keeps the
/// clear value in memory only (see <see cref="SealingInterceptor"/>). A new personal field is added here.
/// </summary>
public static class PersonalData
{
    public static IReadOnlyList<SealedEntity> Entities { get; } =
    [
        Entity<Person>("Person", p => Row(p.Id),
            [nameof(Person.Surname), nameof(Person.GivenNames), nameof(Person.BirthDate), nameof(Person.PlaceOfBirth),
             nameof(Person.Nationality), nameof(Person.Email), nameof(Person.Phone), nameof(Person.Address)],
            indexes:
            [
                new("NameBirthIndex", (p, ix) => ix.NameBirthOf(p.Surname, p.BirthDate)),
                new("EmailIndex", (p, ix) => p.Email is null ? null : ix.EmailOf(p.Email)),
            ]),
        Entity<VisaCase>("VisaCase", c => Row(c.Id),
            [nameof(VisaCase.TravelDocumentNumber), nameof(VisaCase.Purpose)],
            indexes: [new("DocumentIndex", (c, ix) => ix.DocumentOf(c.TravelDocumentState, c.TravelDocumentNumber))]),
        Entity<ApplicationDraft>("ApplicationDraft", d => Row(d.Id), [nameof(ApplicationDraft.AnswersJson)]),
        Entity<SubmittedApplication>("SubmittedApplication", a => Row(a.CaseId),
            [nameof(SubmittedApplication.AnswersJson), nameof(SubmittedApplication.Email)],
            indexes: [new("EmailIndex", (a, ix) => ix.EmailOf(a.Email))]),
        Entity<Booking>("Booking", b => Row(b.Id),
            [nameof(Booking.DocumentNumber), nameof(Booking.Surname), nameof(Booking.BirthDate), nameof(Booking.Email)],
            indexes: [new("DocumentIndex", (b, ix) => ix.DocumentOf(b.IssuingState, b.DocumentNumber))],
            keyed: [new(nameof(Booking.ActiveIdentityKey), b => b.Identity.Key)]),
        Entity<BookingRequest>("BookingRequest", r => Row(r.Id),
            [nameof(BookingRequest.DocumentNumber), nameof(BookingRequest.Surname), nameof(BookingRequest.BirthDate), nameof(BookingRequest.Email)],
            indexes: [new("DocumentIndex", (r, ix) => ix.DocumentOf(r.IssuingState, r.DocumentNumber))]),
        Entity<BallotEntry>("BallotEntry", e => e.RegistrationId,
            [nameof(BallotEntry.DocumentNumber), nameof(BallotEntry.Surname), nameof(BallotEntry.BirthDate), nameof(BallotEntry.Email)],
            indexes: [new("DocumentIndex", (e, ix) => ix.DocumentOf(e.IssuingState, e.DocumentNumber))],
            keyed: [new(nameof(BallotEntry.IdentityKey), e => e.IssuingState + ":" + e.DocumentNumber)]),
        Entity<IdempotencyRecord>("IdempotencyRecord", r => r.ClientId + "/" + r.Key, [nameof(IdempotencyRecord.ResponseBody)]),
        Entity<IssuedDocument>("IssuedDocument", d => Row(d.Id),
            [nameof(IssuedDocument.DocumentNumber), nameof(IssuedDocument.Mrz), nameof(IssuedDocument.VoidReason)],
            keyed: [new(nameof(IssuedDocument.NumberKey), d => d.DocumentNumber)]),
        Entity<RegisteredDocument>("RegisteredDocument", d => Row(d.RowKey),
            [nameof(RegisteredDocument.DocumentNumber), nameof(RegisteredDocument.Reason)],
            keyed: [new(nameof(RegisteredDocument.IdentityKey), d => d.IdentityKey)]),

        // What agents write about a person, and what screening writes of them: free text can name anyone.
        Entity<CaseEvent>("CaseEvent", e => Row(e.RowKey), [nameof(CaseEvent.Reason)]),
        Entity<ScreeningResult>("ScreeningResult", s => Row(s.Id), [nameof(ScreeningResult.Notes), nameof(ScreeningResult.Justification)]),
        Entity<ScreeningMatch>("ScreeningMatch", m => Row(m.RowKey), [nameof(ScreeningMatch.Screened), nameof(ScreeningMatch.Reasons)]),
        Entity<CorrectionRequest>("CorrectionRequest", r => Row(r.Id), [nameof(CorrectionRequest.Message)]),
    ];

    private static readonly Dictionary<Type, SealedEntity> ByType = Entities.ToDictionary(e => e.ClrType);

    /// <summary>The sealed description of an entity's type (or of a base type holding none), or null.</summary>
    public static SealedEntity? For(Type type) => ByType.GetValueOrDefault(type);

    /// <summary>Sets a sealed field, init-only ones included (a correction of the applicant's own answers); saving seals it again.</summary>
    public static void Assign(object entity, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var spec = For(entity.GetType()) ?? throw new ArgumentException($"{entity.GetType().Name} has no sealed fields.", nameof(entity));
        spec.Fields.Single(f => f.Name == field).Set(entity, text);
    }

    /// <summary>The blind indexes of the key ring <paramref name="db"/> reads, for look-ups by keyed hash.</summary>
    public static BlindIndex IndexOf(DbContext db) => SealingInterceptor.Services(db).GetRequiredService<BlindIndex>();

    /// <summary>The shadow property that holds the stored form of <paramref name="field"/>.</summary>
    public static string Stored(string field) => field + "Stored";

    private static string Row(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    private static SealedEntity Entity<T>(
        string name, Func<T, string> row, IReadOnlyList<string> sealedFields,
        IReadOnlyList<(string Column, Func<T, BlindIndex, int?> Compute)>? indexes = null,
        IReadOnlyList<(string Field, Func<T, string?> Identity)>? keyed = null)
        where T : class =>
        new(typeof(T), name, o => row((T)o),
            [.. sealedFields.Select(f => SealedField.For(typeof(T), f))],
            [.. (indexes ?? []).Select(i => new BlindIndexColumn(i.Column, (o, ix) => i.Compute((T)o, ix)))],
            [.. (keyed ?? []).Select(k => new KeyedField(typeof(T).GetProperty(k.Field)!, o => k.Identity((T)o)))]);
}

/// <summary>An entity with personal fields: its name in the associated data, how its row is named, and its fields.</summary>
public sealed record SealedEntity(
    Type ClrType,
    string Name,
    Func<object, string> Row,
    IReadOnlyList<SealedField> Fields,
    IReadOnlyList<BlindIndexColumn> Indexes,
    IReadOnlyList<KeyedField> Keyed);

/// <summary>A sealed field: the clear value lives in the property, the sealed text in the shadow column.</summary>
public sealed record SealedField(PropertyInfo Property, bool IsNullable)
{
    public string Name => Property.Name;

    public static SealedField For(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) ?? throw new ArgumentException($"{type.Name} has no property {name}.");
        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
            || (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable);
        return new SealedField(property, nullable);
    }

    public string? Text(object entity) => Property.GetValue(entity) switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var other => throw new NotSupportedException($"{Property.DeclaringType?.Name}.{Name} of type {other.GetType().Name} cannot be sealed."),
    };

    public void Set(object entity, string? text)
    {
        var type = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
        object? value = text is null ? null
            : type == typeof(DateOnly) ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text;
        Property.SetValue(entity, value);
    }
}

/// <summary>A blind-index column (a shadow property) computed from clear fields when the entity is saved.</summary>
public sealed record BlindIndexColumn(string Column, Func<object, BlindIndex, int?> Compute);

/// <summary>
/// A field whose column holds a keyed hash of an identity (for a unique index) while the entity carries the
/// clear identity key; on reading, the clear value is rebuilt from the decrypted fields.
/// </summary>
public sealed record KeyedField(PropertyInfo Property, Func<object, string?> Identity)
{
    public string Name => Property.Name;
}
