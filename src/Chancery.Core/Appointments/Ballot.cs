namespace Chancery.Core.Appointments;

/// <summary>
/// A draw of a set of slots among the people who registered interest during a window.
/// The commitment (SHA-256 of the secret seed) is published when the ballot is created; the seed
/// is published once the draw is made, so anyone can recompute the allocation from it and the
/// published registration ids (BallotDraw).
/// </summary>
public sealed class Ballot
{
    public int Id { get; private set; }

    public required int PostId { get; init; }

    public required int ServiceId { get; init; }

    public required DateTime OpensAt { get; init; }

    public required DateTime ClosesAt { get; init; }

    /// <summary>Hours a winner has to confirm (and pay, where required) before the next drawn takes the slot.</summary>
    public int ConfirmHours { get; set; } = 48;

    /// <summary>Hex SHA-256 of the seed bytes, published from the start.</summary>
    public required string Commitment { get; init; }

    /// <summary>Hex seed: secret until the draw, then published.</summary>
    public required string Seed { get; init; }

    public BallotState State { get; set; } = BallotState.Scheduled;

    public DateTime? DrawnAt { get; set; }
}
