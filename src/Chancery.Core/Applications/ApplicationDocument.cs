using Chancery.Core.Applications.Uploads;

namespace Chancery.Core.Applications;

/// <summary>A supporting document uploaded with an application: first on the draft, then on the case.</summary>
public sealed class ApplicationDocument
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid? DraftId { get; set; }

    public Guid? CaseId { get; set; }

    public required UploadSlot Slot { get; init; }

    /// <summary>The type found in the bytes, never the one the browser claimed.</summary>
    public required string ContentType { get; init; }

    public required long Length { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>The server-chosen file name in the upload directory.</summary>
    public required string StoredName { get; init; }

    /// <summary>SHA-256 (hex) of the content.</summary>
    public required string Sha256 { get; init; }

    public required DateTime UploadedAt { get; init; }
}
