namespace Chancery.Core.Cases;

/// <summary>Airport transit (A), short stay (C), long stay (D).</summary>
public enum VisaCategory
{
    A,
    C,
    D,
}
