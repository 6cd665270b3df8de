namespace Chancery.Core.Common;

/// <summary>What a <see cref="Country"/> code stands for.</summary>
public enum CountryKind
{
    /// <summary>An ISO 3166-1 country or territory.</summary>
    Iso,

    /// <summary>A place without an ISO 3166-1 code that travel documents name: Kosovo (RKS).</summary>
    Territory,

    /// <summary>An organization that issues travel documents (Doc 9303): the United Nations, the European Union, Interpol…</summary>
    Organization,

    /// <summary>A class of person rather than a state (Doc 9303): British nationality classes, stateless persons, refugees.</summary>
    PersonCategory,
}
