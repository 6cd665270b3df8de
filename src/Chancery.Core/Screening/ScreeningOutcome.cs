namespace Chancery.Core.Screening;

public enum ScreeningOutcome
{
    Clear,
    Hit,
}
