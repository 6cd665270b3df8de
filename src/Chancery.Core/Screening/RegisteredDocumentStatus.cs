namespace Chancery.Core.Screening;

public enum RegisteredDocumentStatus
{
    Lost,
    Stolen,
    Invalidated,
}
