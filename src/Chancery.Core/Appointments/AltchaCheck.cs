namespace Chancery.Core.Appointments;

/// <summary>What the server found in an ALTCHA payload; only <see cref="Valid"/> lets the request through.</summary>
public enum AltchaCheck
{
    Valid,
    Missing,
    Malformed,
    TestMode,
    BadSignature,
    Expired,
    WrongAction,
    WrongSolution,
    Replayed,
}
