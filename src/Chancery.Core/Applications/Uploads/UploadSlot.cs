namespace Chancery.Core.Applications.Uploads;

/// <summary>What an applicant's supporting document is for; decides which types and limits apply.</summary>
public enum UploadSlot
{
    Photo,
    TravelDocumentPage,
    Invitation,
    ProofOfMeans,
    Other,
}
