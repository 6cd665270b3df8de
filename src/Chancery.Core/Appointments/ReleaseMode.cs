namespace Chancery.Core.Appointments;

/// <summary>How a service's slots reach the public.</summary>
public enum ReleaseMode
{
    /// <summary>Published over a rolling horizon in batches of random size at random times.</summary>
    Progressive,

    /// <summary>People register interest during a window; the slots are drawn at random at its close.</summary>
    Ballot,
}
