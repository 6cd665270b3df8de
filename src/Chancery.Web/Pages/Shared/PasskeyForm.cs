namespace Chancery.Web.Pages.Shared;

/// <summary>What _PasskeyForm.cshtml renders: a form that makes ("create") or uses ("get") a passkey.</summary>
public sealed record PasskeyForm(string Id, string Mode, string OptionsHandler, string Handler, string Button)
{
    public bool WithName { get; init; }

    public string? ReturnUrl { get; init; }

    public string ButtonClass { get; init; } = "";
}
