using Microsoft.Extensions.Compliance.Classification;

namespace Chancery.Core.Common;

/// <summary>Marks a logged value as personal data (<see cref="ChanceryTaxonomy.Personal"/>): it is redacted from the logs.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalAttribute() : DataClassificationAttribute(ChanceryTaxonomy.Personal);
