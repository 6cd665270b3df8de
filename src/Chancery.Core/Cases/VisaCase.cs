namespace Chancery.Core.Cases;

public sealed class VisaCase : Case
{
    public override CaseKind Kind => CaseKind.Visa;

    public required VisaCategory Category { get; init; }

    public required string Purpose { get; init; }

    public required VisaEntries Entries { get; init; }

    public required DateOnly RequestedFrom { get; init; }

    public required DateOnly RequestedUntil { get; init; }

    /// <summary>Number and issuing state of the travel document the visa goes into.</summary>
    public required string TravelDocumentNumber { get; init; }

    public required string TravelDocumentState { get; init; }
}
