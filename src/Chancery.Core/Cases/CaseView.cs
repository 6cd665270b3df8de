using Chancery.Core.Documents;

namespace Chancery.Core.Cases;

/// <summary>A case as staff and partner systems see it.</summary>
public sealed record CaseView(
    Guid Id,
    string Reference,
    string PostCode,
    CaseKind Kind,
    CaseState State,
    PersonView Applicant,
    PassportFormat? PassportFormat,
    VisaView? Visa,
    IReadOnlyList<PersonView> Parents,
    DateTime EnteredAt,
    string EnteredBy,
    string? ApprovedBy,
    DateTime? ApprovedAt,
    string? DecisionReason,
    IReadOnlyList<ScreeningView> Screenings,
    DocumentView? Document,
    IReadOnlyList<VoidedDocumentView> VoidedDocuments,
    IReadOnlyList<HistoryLine> History,
    IReadOnlyList<CaseAction> AvailableActions);

public sealed record PersonView(string Surname, string GivenNames, string BirthDate, string? PlaceOfBirth, string Sex, string Nationality, string? Email, string? Phone, string? Address);

public sealed record VisaView(VisaCategory Category, string Purpose, VisaEntries Entries, DateOnly RequestedFrom, DateOnly RequestedUntil, string TravelDocumentNumber, string TravelDocumentState);

public sealed record ScreeningView(
    Guid Id, string Outcome, DateTime ScreenedAt, string ScreenedBy, string? Notes, string? ListVersions,
    IReadOnlyList<MatchView> Matches, string? Resolution, string? ResolvedBy, DateTime? ResolvedAt, string? Justification);

/// <summary>What a screening matched and why: the person screened, the listed name, the score and the explanation, one reason a line.</summary>
public sealed record MatchView(
    string Source, string Subject, string Screened, string ListName, string SourceId, string PrimaryName, string MatchedName,
    string MatchedKind, double Score, string? ListedDetails, IReadOnlyList<string> Reasons);

public sealed record DocumentView(Guid Id, string DocumentNumber, StockKind Kind, DocumentStatus Status, DateTime PrintedAt, DateOnly IssuedOn, DateOnly? ExpiresOn, IReadOnlyList<string> Mrz);

public sealed record VoidedDocumentView(string DocumentNumber, DateTime? VoidedAt, string? Reason);

public sealed record HistoryLine(DateTime At, CaseAction Action, CaseState FromState, CaseState ToState, string ActorName, string? IpAddress, string? Reason);
