using Chancery.Core.Persons;
using Chancery.Core.Protection;
using Chancery.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Core.Tests.Protection;

// Personal fields on each database: sealed in their columns, bound to their row and field, and found again
// through blind indexes. The raw column is read and written through the shadow property, past the sealer.
public abstract class SealedFieldsTests(AppFixture fixture)
{
    private TestDatabase Database => fixture.App.Database;

    [Fact]
    public async Task Person_IsSealedInItsColumns_AndReadBackInClear()
    {
        var person = await SaveAsync("Okonkwo-" + Guid.NewGuid().ToString("N")[..6], "1984-07-12", "okonkwo@example.org");

        await using var db = Database.NewContext();
        var stored = await Stored(db, person.Id, nameof(Person.Surname));
        Assert.StartsWith(Sealer.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Surname, stored, StringComparison.OrdinalIgnoreCase);
        foreach (var field in new[] { nameof(Person.GivenNames), nameof(Person.BirthDate), nameof(Person.Nationality), nameof(Person.Email), nameof(Person.Address) })
            Assert.StartsWith(Sealer.Prefix, await Stored(db, person.Id, field), StringComparison.Ordinal);

        var read = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == person.Id);
        Assert.Equal((person.Surname, person.GivenNames, person.BirthDate, person.Email, person.Address), (read.Surname, read.GivenNames, read.BirthDate, read.Email, read.Address));
    }

    [Fact]
    public async Task Value_MovedToAnotherRow_DoesNotDecrypt_AndSaysWhich()
    {
        var a = await SaveAsync("Alpha", "1970-01-01", null);
        var b = await SaveAsync("Bravo", "1971-02-02", null);
        await using (var db = Database.NewContext())
        {
            var sealedA = await Stored(db, a.Id, nameof(Person.Surname));
            await db.Persons.Where(p => p.Id == b.Id).ExecuteUpdateAsync(u => u.SetProperty(p => EF.Property<string>(p, PersonalData.Stored(nameof(Person.Surname))), sealedA));
        }

        await using var reader = Database.NewContext();
        var e = await Assert.ThrowsAsync<SealedValueException>(() => reader.Persons.AsNoTracking().SingleAsync(p => p.Id == b.Id));
        Assert.Contains("Person.Surname", e.Message, StringComparison.Ordinal);
        Assert.Contains(b.Id.ToString("N"), e.Message, StringComparison.Ordinal);
        Assert.Contains("does not decrypt", e.Message, StringComparison.Ordinal);
        // The row it came from still reads.
        Assert.Equal("Alpha", (await reader.Persons.AsNoTracking().SingleAsync(p => p.Id == a.Id)).Surname);
    }

    [Fact]
    public async Task Value_MovedToAnotherFieldOfTheSameRow_DoesNotDecrypt()
    {
        var a = await SaveAsync("Charlie", "1972-03-03", null);
        await using (var db = Database.NewContext())
        {
            var surname = await Stored(db, a.Id, nameof(Person.Surname));
            await db.Persons.Where(p => p.Id == a.Id).ExecuteUpdateAsync(u => u.SetProperty(p => EF.Property<string>(p, PersonalData.Stored(nameof(Person.GivenNames))), surname));
        }

        await using var reader = Database.NewContext();
        var e = await Assert.ThrowsAsync<SealedValueException>(() => reader.Persons.AsNoTracking().SingleAsync(p => p.Id == a.Id));
        Assert.Contains("Person.GivenNames", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(-1)]
    public async Task Ciphertext_WithOneBitFlipped_DoesNotDecrypt(int byteIndex)
    {
        var a = await SaveAsync("Delta", "1973-04-04", null);
        await using (var db = Database.NewContext())
        {
            var stored = await Stored(db, a.Id, nameof(Person.Surname));
            var head = stored[..(stored.IndexOf('.', Sealer.Prefix.Length) + 1)];
            var bytes = Convert.FromBase64String(stored[head.Length..]);
            bytes[byteIndex < 0 ? bytes.Length + byteIndex : byteIndex] ^= 0x01; // nonce, ciphertext, tag
            var altered = head + Convert.ToBase64String(bytes);
            await db.Persons.Where(p => p.Id == a.Id).ExecuteUpdateAsync(u => u.SetProperty(p => EF.Property<string>(p, PersonalData.Stored(nameof(Person.Surname))), altered));
        }

        await using var reader = Database.NewContext();
        var e = await Assert.ThrowsAsync<SealedValueException>(() => reader.Persons.AsNoTracking().SingleAsync(p => p.Id == a.Id));
        Assert.Contains("altered", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Value_ReplacedByClearText_IsRefused()
    {
        var a = await SaveAsync("Echo", "1974-05-05", null);
        await using (var db = Database.NewContext())
            await db.Persons.Where(p => p.Id == a.Id).ExecuteUpdateAsync(u => u.SetProperty(p => EF.Property<string>(p, PersonalData.Stored(nameof(Person.Surname))), "MALLORY"));

        await using var reader = Database.NewContext();
        var e = await Assert.ThrowsAsync<SealedValueException>(() => reader.Persons.AsNoTracking().SingleAsync(p => p.Id == a.Id));
        Assert.Contains("not a sealed value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_IsSealedAgain_AndAnUnchangedRowIsNotRewritten()
    {
        var a = await SaveAsync("Foxtrot", "1975-06-06", "fox@example.org");
        string before;
        await using (var db = Database.NewContext())
        {
            before = await Stored(db, a.Id, nameof(Person.GivenNames));
            var tracked = await db.Persons.SingleAsync(p => p.Id == a.Id);
            await db.SaveChangesAsync();
            Assert.Equal(before, await Stored(db, a.Id, nameof(Person.GivenNames)));
            tracked.Email = "fox.new@example.org";
            await db.SaveChangesAsync();
            Assert.Equal(before, await Stored(db, a.Id, nameof(Person.GivenNames)));
        }

        await using var reader = Database.NewContext();
        Assert.Equal("fox.new@example.org", (await reader.Persons.AsNoTracking().SingleAsync(p => p.Id == a.Id)).Email);
    }

    [Fact]
    public async Task BlindIndexes_FindTheSamePersonWhateverTheSpelling_AndAreTruncated()
    {
        var surname = "Nakamura" + Guid.NewGuid().ToString("N")[..4];
        var a = await SaveAsync(surname, "1990-10-10", "Same.Person@Example.org");
        var b = await SaveAsync(surname.ToUpperInvariant(), "1990-10-10", "same.person@example.org ");
        var c = await SaveAsync(surname, "1990-10-11", "other@example.org");
        await using var db = Database.NewContext();
        var index = Database.Protection.GetRequiredService<BlindIndex>();

        int? Of(Guid id, string column) => db.Persons.Where(p => p.Id == id).Select(p => EF.Property<int?>(p, column)).Single();
        Assert.Equal(Of(a.Id, "NameBirthIndex"), Of(b.Id, "NameBirthIndex"));
        Assert.Equal(Of(a.Id, "EmailIndex"), Of(b.Id, "EmailIndex"));
        Assert.Equal(index.NameBirthOf(surname, "1990-10-10"), Of(a.Id, "NameBirthIndex"));
        Assert.InRange(Of(a.Id, "NameBirthIndex")!.Value, 0, (1 << BlindIndex.Bits) - 1);

        // A look-up by the index returns candidates, which are opened and compared.
        var wanted = index.NameBirthOf(surname, "1990-10-10");
        var candidates = await db.Persons.AsNoTracking().Where(p => EF.Property<int?>(p, "NameBirthIndex") == wanted).ToListAsync();
        var found = candidates.Where(p => string.Equals(p.Surname, surname, StringComparison.OrdinalIgnoreCase) && p.BirthDate == "1990-10-10").Select(p => p.Id).ToHashSet();
        Assert.Equal(new HashSet<Guid> { a.Id, b.Id }, found);
        Assert.DoesNotContain(c.Id, found);
    }

    private async Task<Person> SaveAsync(string surname, string birthDate, string? email)
    {
        var person = new Person
        {
            Surname = surname, GivenNames = "Ada Grace", BirthDate = birthDate, PlaceOfBirth = "Lagos", Sex = "F",
            Nationality = "NGA", Email = email, Phone = "+44 20 7946 0000", Address = "1 Test Street, London",
        };
        await using var db = Database.NewContext();
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private static Task<string> Stored(Chancery.Core.Data.ChanceryDb db, Guid id, string field) =>
        db.Persons.Where(p => p.Id == id).Select(p => EF.Property<string>(p, PersonalData.Stored(field))).SingleAsync();
}

public sealed class SealedFieldsTestsSqlite(SqliteAppFixture fixture) : SealedFieldsTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class SealedFieldsTestsPostgres(PostgresAppFixture fixture) : SealedFieldsTests(fixture), IClassFixture<PostgresAppFixture>;
