using Chancery.Core.Applications.Uploads;

namespace Chancery.Core.Applications;

/// <summary>A document a form asks for; its label is the page text <c>apply.upload.{Form}.{Slot}</c>.</summary>
public sealed record UploadRequest(UploadSlot Slot, bool Required);
