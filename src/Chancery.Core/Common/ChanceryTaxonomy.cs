using Microsoft.Extensions.Compliance.Classification;

namespace Chancery.Core.Common;

/// <summary>
/// The classes of data a log line may carry and must not show: the redactors registered at start-up
/// (Chancery.Web LogRedaction) erase every value of these classes from the log output.
/// </summary>
public static class ChanceryTaxonomy
{
    public const string Name = "Chancery";

    /// <summary>Anything that names or points to a person: names, birth data, document numbers, e-mail, phone, address, booking and case references.</summary>
    public static DataClassification Personal { get; } = new(Name, nameof(Personal));

    /// <summary>Keys, tokens, codes, passwords and links that grant access.</summary>
    public static DataClassification Secret { get; } = new(Name, nameof(Secret));
}
