namespace Chancery.Core.Breach;

/// <summary>What is believed compromised: a staff account, an API key or a part of Chancery.</summary>
public enum BreachSourceKind
{
    Account,
    ApiKey,
    Component,
}
