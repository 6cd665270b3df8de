using Chancery.Core.Data;
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
        var normalised = Normalise(number);
        return db.RegisteredDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.DocumentNumber == normalised && d.IssuingState == issuingState, ct);
    }
}
