namespace Chancery.Core.Cases;

public enum CaseKind
{
    Passport,
    Visa,
    BirthReport,
}
