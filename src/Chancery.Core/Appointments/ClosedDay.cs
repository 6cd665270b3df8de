namespace Chancery.Core.Appointments;

/// <summary>A day a post receives no one (holiday, closure): no slot is generated on it.</summary>
public sealed class ClosedDay
{
    public int Id { get; private set; }

    public required int PostId { get; init; }

    public required DateOnly Date { get; init; }

    public required string Reason { get; set; }
}
