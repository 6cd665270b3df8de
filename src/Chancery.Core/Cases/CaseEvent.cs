namespace Chancery.Core.Cases;

/// <summary>One line of a case's history: who did what, when, from where and why.</summary>
public sealed class CaseEvent
{
    public long Id { get; private set; }

    /// <summary>Names the row in the associated data of <see cref="Reason"/>: the database numbers <see cref="Id"/> only on insert.</summary>
    public Guid RowKey { get; private set; } = Guid.CreateVersion7();

    public required Guid CaseId { get; init; }

    public required CaseAction Action { get; init; }

    public required CaseState FromState { get; init; }

    public required CaseState ToState { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public required DateTime At { get; init; }

    public string? IpAddress { get; init; }

    /// <summary>The agent's words (or the screening's summary); sealed, since they may name the person.</summary>
    public string? Reason { get; init; }
}
