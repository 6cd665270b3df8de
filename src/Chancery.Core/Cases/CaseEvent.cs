namespace Chancery.Core.Cases;

/// <summary>One line of a case's history: who did what, when, from where and why.</summary>
public sealed class CaseEvent
{
    public long Id { get; private set; }

    public required Guid CaseId { get; init; }

    public required CaseAction Action { get; init; }

    public required CaseState FromState { get; init; }

    public required CaseState ToState { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public required DateTime At { get; init; }

    public string? IpAddress { get; init; }

    public string? Reason { get; init; }
}
