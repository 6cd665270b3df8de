using Microsoft.Extensions.Compliance.Classification;

namespace Chancery.Core.Common;

/// <summary>Marks a logged value as a secret (<see cref="ChanceryTaxonomy.Secret"/>): it is redacted from the logs.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretAttribute() : DataClassificationAttribute(ChanceryTaxonomy.Secret);
