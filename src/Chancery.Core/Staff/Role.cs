namespace Chancery.Core.Staff;

/// <summary>The staff roles. Names are stored and appear in API keys and claims.</summary>
public enum Role
{
    Clerk,
    SecurityOfficer,
    Adjudicator,
    PrintOperator,
    Consul,
    Auditor,
    Administrator,
}
