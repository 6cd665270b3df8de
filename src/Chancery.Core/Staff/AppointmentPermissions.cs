namespace Chancery.Core.Staff;

/// <summary>Who may do what with appointments, for the posts they are designated for: the one table the staff pages read.</summary>
public static class AppointmentPermissions
{
    /// <summary>Services, opening hours, closed days, release policies and ballots of a post.</summary>
    public static bool CanManageCalendars(Actor actor) => actor is not null && (actor.Has(Role.Consul) || actor.Has(Role.Administrator));

    /// <summary>Receiving people at the door: scanning the booking and checking the document presented.</summary>
    public static bool CanCheckIn(Actor actor) => actor is not null && (actor.Has(Role.Clerk) || actor.Has(Role.Consul));

    /// <summary>Seeing blocked addresses and lifting a block; blocks are not tied to a post.</summary>
    public static bool CanManageBlocks(Actor actor) => actor is not null && (actor.Has(Role.Consul) || actor.Has(Role.Administrator));

    /// <summary>The dashboard of suspicious patterns.</summary>
    public static bool CanSeeDashboard(Actor actor) =>
        actor is not null && (actor.Has(Role.Consul) || actor.Has(Role.Administrator) || actor.Has(Role.Auditor));
}
