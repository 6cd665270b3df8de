namespace Chancery.Core.Applications;

/// <summary>
/// One page of a form: one question, which may take a few related answers (a name, a travel document).
/// A step that depends on earlier answers (parental authority for a minor) says when it applies.
/// </summary>
public sealed record FormStep(string Key, IReadOnlyList<FormField> Fields)
{
    /// <summary>When the step is asked; null means always.</summary>
    public Func<ApplicationAnswers, DateOnly, bool>? AppliesWhen { get; init; }

    /// <summary>Where the answers of the two or three pasted MRZ lines go, for a step that takes them.</summary>
    public MrzTargets? Mrz { get; init; }

    /// <summary>The step also takes the MRZ lines of a travel document and fills its answers from them.</summary>
    public bool AcceptsMrz => Mrz is not null;

    /// <summary>The documents step takes uploads rather than answers.</summary>
    public bool IsUploads { get; init; }

    public bool Applies(ApplicationAnswers answers, DateOnly today) => AppliesWhen?.Invoke(answers, today) ?? true;
}
