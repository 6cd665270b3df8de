using System.Security.Cryptography;
using Chancery.Core.Applications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Chancery.Web.Pages.Applications;

// The receipt: the application number (large, and as a QR code), the form and the day, and what comes
// next. Nothing else personal: it is read from the data-protected cookie the declaration set.
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ReceiptModel(IDataProtectionProvider protection) : PageModel
{
    public string Number { get; private set; } = "";

    public FormDefinition Form { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public bool MailSent { get; private set; }

    public string QrSvg { get; private set; } = "";

    public IActionResult OnGet()
    {
        var cookie = Request.Cookies[DeclarationModel.ReceiptCookie];
        string[] parts;
        try
        {
            parts = cookie is null ? [] : protection.CreateProtector(DeclarationModel.ReceiptPurpose).Unprotect(cookie).Split('\n');
        }
        catch (CryptographicException)
        {
            parts = [];
        }
        if (parts.Length != 4 || ApplicationForms.FindBySlug(parts[1]) is not { } form || !DateOnly.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var date))
            return Redirect("/demande");

        Number = parts[0];
        Form = form;
        Date = date;
        MailSent = parts[3] == "1";
        using var data = QRCodeGenerator.GenerateQrCode(Number, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(6);
        return Page();
    }

    // The number read out character by character, for a screen reader and the QR code's label.
    public string Spelled => string.Join(' ', Number.Select(c => c == '-' ? "—" : c.ToString()));
}
