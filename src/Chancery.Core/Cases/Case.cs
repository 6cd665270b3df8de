using Chancery.Core.Common;
using Chancery.Core.Persons;
using Chancery.Core.Staff;

namespace Chancery.Core.Cases;

/// <summary>
/// An application handled by one post: a passport, a visa or a report of birth abroad.
/// The state changes only through <see cref="Apply"/>, which asks <see cref="CaseLifecycle"/>.
/// </summary>
public abstract class Case
{
    private readonly List<CaseEvent> events = [];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The number given to the applicant, e.g. <c>LON-7KQ4-MX2P</c>.</summary>
    public required string Reference { get; init; }

    public required int PostId { get; init; }

    public abstract CaseKind Kind { get; }

    public CaseState State { get; private set; } = CaseState.Submitted;

    public required Guid ApplicantId { get; init; }

    public Person Applicant { get; init; } = null!;

    public required string EnteredBy { get; init; }

    public required DateTime EnteredAt { get; init; }

    public string? ApprovedBy { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    /// <summary>
    /// Why the case was last approved or refused: the reason of the latest decision in its history, where it is
    /// sealed (one copy of the agent's words, not two). Needs the events loaded.
    /// </summary>
    public string? DecisionReason => events
        .Where(e => e.Action is CaseAction.Approve or CaseAction.Refuse || (e.Action == CaseAction.ResolveHit && e.ToState == CaseState.Refused))
        .OrderBy(e => e.At).ThenBy(e => e.Id)
        .LastOrDefault()?.Reason;

    /// <summary>Bumped on every change; a concurrent change to the same case fails instead of overwriting.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CaseEvent> Events => events;

    /// <summary>Records the entry of the case as the first line of its history.</summary>
    public CaseEvent RecordSubmission(Actor actor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var evt = new CaseEvent
        {
            CaseId = Id,
            Action = CaseAction.Submit,
            FromState = State,
            ToState = State,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            At = at,
            IpAddress = actor.IpAddress,
        };
        events.Add(evt);
        return evt;
    }

    /// <summary>Moves the case along one step and records who, when, from where and why.</summary>
    public Result<CaseEvent> Apply(CaseAction action, Actor actor, DateTime at, string? reason = null, bool passed = true)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var next = CaseLifecycle.Next(State, action, passed);
        if (!next.IsSuccess)
            return next.Error;

        var from = State;
        State = next.Value;
        Version++;
        switch (action)
        {
            case CaseAction.Approve:
                ApprovedBy = actor.Id;
                ApprovedAt = at;
                break;
            case CaseAction.RecordChecks when !passed:
                // A hit found on re-screening voids an earlier approval: the case must be adjudicated again.
                ApprovedBy = null;
                ApprovedAt = null;
                break;
        }

        var evt = new CaseEvent
        {
            CaseId = Id,
            Action = action,
            FromState = from,
            ToState = State,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            At = at,
            IpAddress = actor.IpAddress,
            Reason = reason,
        };
        events.Add(evt);
        return evt;
    }
}
