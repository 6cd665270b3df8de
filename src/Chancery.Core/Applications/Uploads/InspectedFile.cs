namespace Chancery.Core.Applications.Uploads;

/// <summary>An upload whose type was decided from its bytes; <see cref="Width"/> and <see cref="Height"/> are null for a PDF.</summary>
public sealed record InspectedFile(string ContentType, string Extension, long Length, int? Width, int? Height);
