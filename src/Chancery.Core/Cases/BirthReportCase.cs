using Chancery.Core.Persons;

namespace Chancery.Core.Cases;

/// <summary>A report of birth abroad: the applicant is the child, with one or two parents.</summary>
public sealed class BirthReportCase : Case
{
    public override CaseKind Kind => CaseKind.BirthReport;

    public required Guid FirstParentId { get; init; }

    public Person FirstParent { get; init; } = null!;

    public Guid? SecondParentId { get; init; }

    public Person? SecondParent { get; init; }
}
