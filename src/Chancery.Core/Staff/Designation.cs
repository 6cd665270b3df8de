namespace Chancery.Core.Staff;

/// <summary>A consul's decision that an agent works for a post from one day to another (both included).</summary>
public sealed class Designation
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required string UserId { get; init; }

    public required int PostId { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public required DateOnly ValidUntil { get; set; }

    public required string DesignatedBy { get; init; }

    public required DateTime DesignatedAt { get; init; }

    public DateTime? EndedAt { get; private set; }

    public bool IsActiveOn(DateOnly day) => EndedAt is null && ValidFrom <= day && day <= ValidUntil;

    public void End(DateTime at, DateOnly day)
    {
        EndedAt = at;
        if (ValidUntil >= day)
            ValidUntil = day.AddDays(-1) < ValidFrom ? ValidFrom : day.AddDays(-1);
    }
}
