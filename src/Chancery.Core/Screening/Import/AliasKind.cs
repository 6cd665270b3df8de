namespace Chancery.Core.Screening.Import;

/// <summary>How the source relates an alias to the entry (OFAC a.k.a., f.k.a., n.k.a.).</summary>
public enum AliasKind
{
    AlsoKnownAs,
    FormerlyKnownAs,
    NowKnownAs,
}
