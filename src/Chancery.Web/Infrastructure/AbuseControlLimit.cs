namespace Chancery.Web.Infrastructure;

/// <summary>The limits whose key is known only once the form is read (see <see cref="AppointmentLimits"/>).</summary>
internal enum AppointmentLimit
{
    /// <summary>Code requests per e-mail address (<c>Chancery:Abuse:Limits:CodesPerEmailPerHour</c>).</summary>
    Email,

    /// <summary>Booking or ballot requests per identity key (<c>Chancery:Abuse:Limits:RequestsPerIdentityPerHour</c>).</summary>
    Identity,
}
