namespace Chancery.Core.Applications;

/// <summary>The online forms an applicant can fill in.</summary>
public enum ApplicationForm
{
    /// <summary>Short-stay (C) or airport transit (A) visa: the harmonised Schengen form.</summary>
    ShortStayVisa,

    /// <summary>Long-stay (D) visa: the Schengen questions plus study, work or family.</summary>
    LongStayVisa,

    /// <summary>Passport pre-application by a citizen registered abroad, completed at the appointment.</summary>
    Passport,

    /// <summary>Report of a birth abroad: the child, the parents, the documents.</summary>
    BirthReport,
}
