using Chancery.Core.Data;
using Chancery.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Screening;

/// <summary>Looks up and records entries of the register of lost, stolen and invalidated documents.</summary>
public static class DocumentRegister
{
    /// <summary>Document numbers are compared as the machine readable zone writes them: capitals and digits only.</summary>
    public static string Normalise(string number) =>
        new((number ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    public static Task<RegisteredDocument?> FindAsync(ChanceryDb db, string number, string issuingState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Numbers are sealed: the look-up goes through the keyed hash of state and number that the unique index holds.
        var key = PersonalData.IndexOf(db).IdentityOf(RegisteredDocument.KeyOf(Normalise(number), issuingState));
        return db.RegisteredDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => EF.Property<string>(d, PersonalData.Stored(nameof(RegisteredDocument.IdentityKey))) == key, ct);
    }
}
