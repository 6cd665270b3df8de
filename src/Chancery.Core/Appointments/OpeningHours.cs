namespace Chancery.Core.Appointments;

/// <summary>One opening period of a service on a weekday, in the post's local time. A day may have several.</summary>
public sealed class OpeningHours
{
    public int Id { get; private set; }

    public int ServiceId { get; set; }

    public required DayOfWeek Day { get; set; }

    public required TimeOnly Opens { get; set; }

    public required TimeOnly Closes { get; set; }
}
