namespace Chancery.Core.Appointments;

/// <summary>What an appointment is for. Stored by name.</summary>
public enum ServiceKind
{
    Passport,
    ShortStayVisa,
    LongStayVisa,
    BirthReport,
}
