using System.Security.Cryptography;
using QRCoder;

namespace Chancery.Core.Appointments;

/// <summary>Booking references and their QR codes.</summary>
public static class BookingReferences
{
    // No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a reference read aloud or typed at the door is not mistaken.
    private const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";

    /// <summary>A new reference such as <c>RDV-7KQ4-M9XD</c>: 25^8 ≈ 1.5 × 10^11 values, drawn at random, so none can be guessed.</summary>
    public static string New() => "RDV-" + RandomNumberGenerator.GetString(Alphabet, 4) + "-" + RandomNumberGenerator.GetString(Alphabet, 4);

    /// <summary>Upper case, spaces dropped, the dashes put back: what a person or a scanner typed, as stored.</summary>
    public static string Normalize(string? typed)
    {
        var compact = string.Concat((typed ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        if (compact.StartsWith("RDV", StringComparison.Ordinal))
            compact = compact[3..];
        return compact.Length == 8 ? $"RDV-{compact[..4]}-{compact[4..]}" : compact;
    }

    /// <summary>A PNG QR code holding the reference alone (no personal data), as scanned at the door.</summary>
    public static byte[] QrPng(string reference)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(reference, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
