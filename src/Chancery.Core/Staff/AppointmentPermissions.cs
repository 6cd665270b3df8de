namespace Chancery.Core.Staff;

/// <summary>Who may do what with appointments, for the posts they are designated for: the one table the staff pages and the access matrix read.</summary>
public static class AppointmentPermissions
{
    /// <summary>Services, opening hours, closed days, release policies and ballots of a post.</summary>
    public static readonly IReadOnlySet<Role> CalendarManagers = new HashSet<Role> { Role.Consul, Role.Administrator };

    /// <summary>Receiving people at the door: scanning the booking and checking the document presented.</summary>
    public static readonly IReadOnlySet<Role> CheckInAgents = new HashSet<Role> { Role.Clerk, Role.Consul };

    /// <summary>Seeing blocked addresses and lifting a block; blocks are not tied to a post.</summary>
    public static readonly IReadOnlySet<Role> BlockManagers = new HashSet<Role> { Role.Consul, Role.Administrator };

    /// <summary>The dashboard of suspicious patterns.</summary>
    public static readonly IReadOnlySet<Role> DashboardReaders = new HashSet<Role> { Role.Consul, Role.Administrator, Role.Auditor };

    public static bool CanManageCalendars(Actor actor) => actor is not null && actor.Roles.Overlaps(CalendarManagers);

    public static bool CanCheckIn(Actor actor) => actor is not null && actor.Roles.Overlaps(CheckInAgents);

    public static bool CanManageBlocks(Actor actor) => actor is not null && actor.Roles.Overlaps(BlockManagers);

    public static bool CanSeeDashboard(Actor actor) => actor is not null && actor.Roles.Overlaps(DashboardReaders);
}
