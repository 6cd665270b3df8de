using System.Globalization;
using Chancery.Core.Cases;
using Chancery.Core.Common;
using Chancery.Core.Documents.Mrz;
using Chancery.Core.Persons;

namespace Chancery.Core.Documents;

/// <summary>
/// The machine readable zone of a document Chancery prints: TD3 for a passport booklet, TD1 for a
/// passport card, MRV-A for a visa sticker; a birth certificate has none.
/// </summary>
public static class DocumentMrz
{
    public static string? For(Case @case, Person holder, string issuingState, string number, DateOnly? expires)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(holder);
        var (format, code) = @case switch
        {
            PassportCase { Format: PassportFormat.Card } => (MrzFormat.TD1, "I"),
            PassportCase => (MrzFormat.TD3, "P"),
            VisaCase v => (MrzFormat.MRVA, "V" + v.Category),
            _ => ((MrzFormat?)null, ""),
        };
        if (format is null)
            return null;

        var data = new MrzData
        {
            DocumentCode = code,
            IssuingState = issuingState,
            Surname = holder.Surname,
            GivenNames = holder.GivenNames,
            DocumentNumber = number,
            Nationality = holder.Nationality,
            BirthDate = BirthDate(holder.BirthDate),
            Sex = holder.Sex,
            ExpiryDate = expires?.ToString("yyMMdd", CultureInfo.InvariantCulture) ?? "<<<<<<",
        };
        return string.Join('\n', MrzGenerator.Generate(format.Value, data));
    }

    /// <summary>Doc 9303: an unknown month or day is written as filler characters.</summary>
    private static string BirthDate(string stored)
    {
        if (!PartialDate.TryParse(stored, out var date))
            return "<<<<<<";
        var yy = (date.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        var mm = date.Month?.ToString("D2", CultureInfo.InvariantCulture) ?? "<<";
        var dd = date.Day?.ToString("D2", CultureInfo.InvariantCulture) ?? "<<";
        return yy + mm + dd;
    }
}
