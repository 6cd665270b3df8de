namespace Chancery.Core.Appointments;

/// <summary>
/// A challenge as served to the widget. <see cref="Json"/> is the exact text to send: the parameters in
/// the canonical form that was signed, so what the browser parses and posts back is what was signed.
/// </summary>
public sealed record AltchaChallenge(AltchaParameters Parameters, string Signature, string Json);
