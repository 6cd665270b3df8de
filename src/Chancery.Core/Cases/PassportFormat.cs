namespace Chancery.Core.Cases;

/// <summary>A booklet carries a TD3 zone, a card a TD1 zone.</summary>
public enum PassportFormat
{
    Booklet,
    Card,
}
