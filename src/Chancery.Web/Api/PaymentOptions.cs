using System.Text;

namespace Chancery.Web.Api;

/// <summary>The <c>Chancery:Payments</c> section: the secret shared with the payment provider for its webhook.</summary>
internal sealed class PaymentOptions
{
    public const string Section = "Chancery:Payments";

    /// <summary>At least 32 characters; without it the webhook answers 404 and no prepaid booking can be confirmed.</summary>
    public string? WebhookSecret { get; set; }

    public byte[]? SecretBytes => string.IsNullOrEmpty(WebhookSecret) ? null : Encoding.UTF8.GetBytes(WebhookSecret);
}
