namespace Chancery.Core.Persons;

/// <summary>An applicant, a child or a parent named in a case.</summary>
public sealed class Person
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required string Surname { get; set; }

    public required string GivenNames { get; set; }

    /// <summary>Full or partial: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public required string BirthDate { get; set; }

    public string? PlaceOfBirth { get; set; }

    /// <summary><c>M</c>, <c>F</c> or <c>X</c>, as in Doc 9303.</summary>
    public required string Sex { get; set; }

    /// <summary>ISO 3166-1 alpha-3.</summary>
    public required string Nationality { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }
}
