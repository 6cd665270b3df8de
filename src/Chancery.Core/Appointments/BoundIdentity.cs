using System.Globalization;
using System.Text;

namespace Chancery.Core.Appointments;

/// <summary>
/// The identity an appointment is bound to at booking: travel document number, issuing state,
/// surname and birth date. Compared in a normalised form (upper case, no spaces or accents), so
/// "ab 123456" and "AB123456" are the same document.
/// </summary>
public sealed record BoundIdentity(string DocumentNumber, string IssuingState, string Surname, DateOnly BirthDate)
{
    /// <summary>
    /// The key of one active appointment per identity and service: the document and its issuing state,
    /// which name one person whatever spelling of the name is typed.
    /// </summary>
    public string Key => $"{IssuingState}:{DocumentNumber}";

    /// <summary>Builds a normalised identity, or null when a part is missing or malformed.</summary>
    public static BoundIdentity? Create(string? documentNumber, string? issuingState, string? surname, DateOnly? birthDate)
    {
        var number = NormalizeDocumentNumber(documentNumber);
        var state = (issuingState ?? "").Trim().ToUpperInvariant();
        var name = NormalizeName(surname);
        if (number.Length is < 5 or > 20 || state.Length != 3 || !state.All(char.IsAsciiLetterUpper) || name.Length == 0 || birthDate is null)
            return null;
        return new BoundIdentity(number, state, name, birthDate.Value);
    }

    /// <summary>Upper-case letters and digits only: spaces, dashes and fillers are dropped.</summary>
    public static string NormalizeDocumentNumber(string? value) =>
        string.Concat((value ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    /// <summary>Upper case without accents, single spaces; apostrophes and hyphens kept as spaces.</summary>
    public static string NormalizeName(string? value)
    {
        var decomposed = (value ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(char.IsLetter(c) ? char.ToUpperInvariant(c) : ' ');
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Whether a document presented at the door is the bound one.</summary>
    public bool IsDocument(string? presentedNumber) =>
        string.Equals(NormalizeDocumentNumber(presentedNumber), DocumentNumber, StringComparison.Ordinal);
}
