namespace Chancery.Core.Applications;

/// <summary>
/// One answer of a form. Its label, hint and choices are texts of the pages
/// (<c>apply.field.{Name}</c>, <c>apply.field.{Name}.hint</c>, <c>apply.choice.{Name}.{value}</c>).
/// </summary>
public sealed record FormField(string Name, FieldType Type, bool Required = true, int MaxLength = 100, IReadOnlyList<string>? Choices = null)
{
    /// <summary>The HTML autocomplete token that helps browsers fill the field, when there is one.</summary>
    public string? Autocomplete { get; init; }
}
