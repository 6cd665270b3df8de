namespace Chancery.Core.Cases;

public sealed class PassportCase : Case
{
    public override CaseKind Kind => CaseKind.Passport;

    public required PassportFormat Format { get; init; }
}
