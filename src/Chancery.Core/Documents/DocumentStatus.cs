namespace Chancery.Core.Documents;

public enum DocumentStatus
{
    Printed,
    Voided,
}
