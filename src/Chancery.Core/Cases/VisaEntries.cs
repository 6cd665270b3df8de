namespace Chancery.Core.Cases;

public enum VisaEntries
{
    Single,
    Double,
    Multiple,
}
