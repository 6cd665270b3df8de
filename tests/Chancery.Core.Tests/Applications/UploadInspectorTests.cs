using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Chancery.Core.Applications.Uploads;
using Chancery.Core.Common;
using CsCheck;
using StbImageSharp;

namespace Chancery.Core.Tests.Applications;

public sealed class UploadInspectorTests
{
    [Fact]
    public void Inspect_PngPhotoOfGoodSize_IsAccepted()
    {
        var result = UploadInspector.Inspect(Png(600, 800), UploadSlot.Photo);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new InspectedFile("image/png", ".png", result.Value.Length, 600, 800), result.Value);
    }

    [Fact]
    public void GeneratedJpeg_DecodesWithStbImageSharp_ToTheSizeAndGreyItWasMadeWith()
    {
        var image = ImageResult.FromMemory(Jpeg(640, 480), ColorComponents.Grey);

        Assert.Equal(640, image.Width);
        Assert.Equal(480, image.Height);
        Assert.All(image.Data, b => Assert.Equal(128, b));
    }

    [Fact]
    public void Inspect_JpegPhotoOfGoodSize_IsAccepted()
    {
        var jpeg = Jpeg(640, 480);

        var result = UploadInspector.Inspect(jpeg, UploadSlot.Photo);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new InspectedFile("image/jpeg", ".jpg", jpeg.Length, 640, 480), result.Value);
    }

    [Theory]
    [InlineData(UploadSlot.Photo)]
    [InlineData(UploadSlot.TravelDocumentPage)]
    public void Inspect_PngHeaderClaiming50000Square_IsRefusedWithoutDecoding(UploadSlot slot)
    {
        // Only the header and an IDAT of a few bytes: decoding would need 50000 × 50000 pixels (several GB).
        var bomb = Png(50_000, 50_000, rows: 1);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = UploadInspector.Inspect(bomb, slot);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        AssertRefused(result, "upload.image-dimensions", "50000 × 50000");
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Inspect_ScanOver40Megapixels_IsRefusedWithoutDecoding()
    {
        var bomb = Png(8000, 8000, rows: 1);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = UploadInspector.Inspect(bomb, UploadSlot.ProofOfMeans);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024);
        AssertRefused(result, "upload.image-too-many-pixels", "40 megapixels");
    }

    [Fact]
    public void Inspect_PhotoTooSmall_IsRefusedSayingTheBounds()
    {
        var result = UploadInspector.Inspect(Png(300, 300), UploadSlot.Photo);

        AssertRefused(result, "upload.image-dimensions", "between 400 and 6000 pixels");
    }

    [Fact]
    public void Inspect_ScanOf300Pixels_IsAccepted()
    {
        var result = UploadInspector.Inspect(Png(300, 300), UploadSlot.TravelDocumentPage);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Inspect_ScanTooSmall_IsRefusedSayingTheBounds()
    {
        var result = UploadInspector.Inspect(Png(150, 400), UploadSlot.Invitation);

        AssertRefused(result, "upload.image-dimensions", "between 200 and 10000 pixels");
    }

    [Fact]
    public void Inspect_TruncatedPng_IsRefused()
    {
        var png = Png(600, 800);

        var result = UploadInspector.Inspect(png.AsSpan(0, png.Length / 2), UploadSlot.Photo);

        AssertRefused(result, "upload.image-truncated", "JPEG or PNG");
    }

    [Fact]
    public void Inspect_TruncatedJpeg_IsRefused()
    {
        var jpeg = Jpeg(640, 480);

        var result = UploadInspector.Inspect(jpeg.AsSpan(0, jpeg.Length - 10), UploadSlot.Photo);

        AssertRefused(result, "upload.image-truncated", "JPEG or PNG");
    }

    [Fact]
    public void Inspect_PngWhoseImageDataDoesNotInflate_IsRefusedByTheDecoderWithoutThrowing()
    {
        // Every chunk and CRC is well formed: only the decoder can tell the pixels are garbage.
        var png = Png(600, 800, idat: [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01, 0x02]);

        var result = UploadInspector.Inspect(png, UploadSlot.Photo);

        AssertRefused(result, "upload.image-unreadable", "JPEG or PNG");
    }

    [Fact]
    public void Inspect_PngWithAZipAfterItsEnd_IsRefused()
    {
        var polyglot = Png(600, 800).Concat("PK\u0003\u0004 evil.html"u8.ToArray()).ToArray();

        var result = UploadInspector.Inspect(polyglot, UploadSlot.Photo);

        AssertRefused(result, "upload.trailing-data", "JPEG or PNG");
    }

    [Fact]
    public void Inspect_JpegSignatureFollowedByAPdf_IsRefused()
    {
        var polyglot = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.Concat(CleanPdf()).ToArray();

        var result = UploadInspector.Inspect(polyglot, UploadSlot.Other);

        Assert.False(result.IsSuccess);
        Assert.Equal("file", result.Error.Field);
    }

    [Fact]
    public void Inspect_PngBytes_AreAPngWhateverTheFileWasCalled()
    {
        // The inspector is given no name or Content-Type at all: "scan.pdf" holding a PNG is a PNG.
        var result = UploadInspector.Inspect(Png(400, 400), UploadSlot.ProofOfMeans);

        Assert.Equal(("image/png", ".png"), (result.Value.ContentType, result.Value.Extension));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("MZ\u0090\u0000\u0003 This program cannot be run in DOS mode")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000%PDF-1.4\n")]
    [InlineData("PK\u0003\u0004")]
    [InlineData(" %PDF-1.4\n%%EOF")]
    [InlineData("%PDF-1.9\n%%EOF")]
    public void Inspect_OtherKindsOfFile_AreRefusedNamingWhatIsAccepted(string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);

        AssertRefused(UploadInspector.Inspect(bytes, UploadSlot.Photo), "upload.unsupported-type", "Please send a JPEG or PNG image.");
        AssertRefused(UploadInspector.Inspect(bytes, UploadSlot.Invitation), "upload.unsupported-type", "Please send a JPEG or PNG image or a PDF document.");
    }

    [Fact]
    public void Inspect_HtmlUploadedAsPhotoJpg_IsRefused()
    {
        var html = "<html><body onload=\"fetch('/steal')\">photo</body></html>"u8.ToArray();

        AssertRefused(UploadInspector.Inspect(html, UploadSlot.Photo), "upload.unsupported-type", "JPEG or PNG");
    }

    [Fact]
    public void Inspect_EmptyFile_IsRefused()
    {
        AssertRefused(UploadInspector.Inspect([], UploadSlot.Photo), "upload.empty", "The file is empty.");
    }

    [Fact]
    public void Inspect_PhotoOverFiveMebibytes_IsRefused()
    {
        var big = new byte[UploadInspector.MaxPhotoBytes + 1];
        Png(400, 400).CopyTo(big, 0);

        AssertRefused(UploadInspector.Inspect(big, UploadSlot.Photo), "upload.too-large", "5 MiB");
    }

    [Fact]
    public void Inspect_ScanOverTenMebibytes_IsRefused()
    {
        var big = new byte[UploadInspector.MaxScanBytes + 1];
        CleanPdf().CopyTo(big, 0);

        AssertRefused(UploadInspector.Inspect(big, UploadSlot.TravelDocumentPage), "upload.too-large", "10 MiB");
    }

    [Fact]
    public void Inspect_CleanMinimalPdf_IsAccepted()
    {
        var pdf = CleanPdf();

        var result = UploadInspector.Inspect(pdf, UploadSlot.Invitation);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new InspectedFile("application/pdf", ".pdf", pdf.Length, null, null), result.Value);
    }

    [Fact]
    public void Inspect_PdfForThePhoto_IsRefused()
    {
        AssertRefused(UploadInspector.Inspect(CleanPdf(), UploadSlot.Photo), "upload.photo-not-image", "JPEG or PNG");
    }

    [Theory]
    [InlineData("4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj")]
    [InlineData("4 0 obj <</S/JavaScript/JS(app.alert(1))>> endobj")]
    [InlineData("4 0 obj << /JS 5 0 R >> endobj")]
    [InlineData("4 0 obj << /J#53 (app.alert(1)) >> endobj")]
    [InlineData("4 0 obj << /S /J#61va#53cript >> endobj")]
    [InlineData("4 0 obj << /S /Launch /F (cmd.exe) >> endobj")]
    [InlineData("4 0 obj << /Type /EmbeddedFile >> endobj")]
    [InlineData("4 0 obj << /EmbeddedFiles 5 0 R >> endobj")]
    [InlineData("4 0 obj << /RichMedia 5 0 R >> endobj")]
    [InlineData("4 0 obj << /XFA 5 0 R >> endobj")]
    public void Inspect_PdfWithActiveContent_IsRefused(string activeObject)
    {
        var result = UploadInspector.Inspect(Pdf(activeObject), UploadSlot.Invitation);

        AssertRefused(result, "upload.pdf-active-content", "The PDF contains active content");
    }

    [Theory]
    [InlineData("4 0 obj << /JSON (x) /JSX 1 /Launcher 2 /XFAB 3 /EmbeddedFileX 4 >> endobj")]
    [InlineData("4 0 obj << /Title (The /JavaScriptless guide) >> endobj")]
    public void Inspect_PdfWithNamesThatOnlyStartLikeActiveOnes_IsAccepted(string harmless)
    {
        var result = UploadInspector.Inspect(Pdf(harmless), UploadSlot.Invitation);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Inspect_PdfHidingJavaScriptInACompressedObjectStream_IsRefused()
    {
        var hidden = Deflate("5 0 << /S /JavaScript /JS (app.alert(1)) >>"u8.ToArray());

        var result = UploadInspector.Inspect(Pdf(StreamObject("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", hidden)), UploadSlot.Invitation);

        AssertRefused(result, "upload.pdf-active-content", "active content");
    }

    [Fact]
    public void Inspect_PdfHidingJsInATwiceCompressedStream_IsRefused()
    {
        var hidden = Deflate(Deflate("5 0 << /JS 6 0 R >>"u8.ToArray()));

        var result = UploadInspector.Inspect(Pdf(StreamObject("/Type /ObjStm /Filter [/FlateDecode /FlateDecode]", hidden)), UploadSlot.Invitation);

        AssertRefused(result, "upload.pdf-active-content", "active content");
    }

    [Fact]
    public void Inspect_PdfWhoseJpegImageHappensToHoldSlashJS_IsAccepted()
    {
        // Image bytes are not PDF syntax: a chance "/JS " in them is not a script.
        var pixels = "\u00FF\u00D8\u00FF\u00E0 noise /JS noise /XFA noise"u8.ToArray();

        var result = UploadInspector.Inspect(Pdf(StreamObject("/Type /XObject /Subtype /Image /Filter /DCTDecode", pixels)), UploadSlot.TravelDocumentPage);

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Inspect_EncryptedPdf_IsRefused()
    {
        var result = UploadInspector.Inspect(Pdf("4 0 obj << /Filter /Standard /V 2 >> endobj\ntrailer << /Encrypt 4 0 R >>"), UploadSlot.ProofOfMeans);

        AssertRefused(result, "upload.pdf-encrypted", "password");
    }

    [Fact]
    public void Inspect_PdfWithoutEndMarker_IsRefused()
    {
        var pdf = CleanPdf();

        var result = UploadInspector.Inspect(pdf.AsSpan(0, pdf.Length - 7), UploadSlot.Invitation);

        AssertRefused(result, "upload.pdf-incomplete", "end marker");
    }

    [Fact]
    public void Inspect_PdfEndMarkerFurtherThan1024BytesFromTheEnd_IsRefused()
    {
        var pdf = CleanPdf().Concat(Enumerable.Repeat((byte)' ', 1100)).ToArray();

        AssertRefused(UploadInspector.Inspect(pdf, UploadSlot.Invitation), "upload.pdf-incomplete", "end marker");
    }

    [Fact]
    public void Inspect_RandomBytesAfterASignature_AreRefusedWithoutThrowing()
    {
        byte[][] signatures = [[0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "%PDF-1.7\n"u8.ToArray()];

        Gen.Select(Gen.Int[0, signatures.Length - 1], Gen.Byte.Array[0, 600]).Sample((signature, tail) =>
            !UploadInspector.Inspect([.. signatures[signature], .. tail], UploadSlot.Other).IsSuccess, iter: 2_000);
    }

    [Fact]
    public void Inspect_ValidImagesWithBytesChanged_NeverThrow()
    {
        byte[][] originals = [Png(400, 400), Jpeg(400, 400)];

        Gen.Select(Gen.Int[0, 1], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 4]).Sample((which, changes) =>
        {
            var bytes = (byte[])originals[which].Clone();
            foreach (var (at, value) in changes)
                bytes[at % bytes.Length] = value;
            _ = UploadInspector.Inspect(bytes, UploadSlot.Photo);
        }, iter: 300);
    }

    private static void AssertRefused(Result<InspectedFile> result, string code, string inMessage)
    {
        Assert.False(result.IsSuccess, "expected a refusal");
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal("file", result.Error.Field);
        Assert.Equal(code, result.Error.Code);
        Assert.Contains(inMessage, result.Error.Message, StringComparison.Ordinal);
    }

    private static byte[] CleanPdf() => Pdf("");

    private static byte[] Pdf(string extraObject) => Pdf(Encoding.Latin1.GetBytes(extraObject));

    private static byte[] Pdf(byte[] extraObject)
    {
        var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n"u8);
        pdf.Write("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"u8);
        pdf.Write("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"u8);
        pdf.Write("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"u8);
        pdf.Write(extraObject);
        pdf.Write("\ntrailer << /Size 4 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"u8);
        return pdf.ToArray();
    }

    private static byte[] StreamObject(string dictionary, byte[] data) =>
        [.. Encoding.Latin1.GetBytes($"7 0 obj << {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream\nendobj"u8];

    private static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }

    /// <summary>A greyscale 8-bit PNG; <paramref name="rows"/> limits the pixel data (for headers that lie), <paramref name="idat"/> replaces it.</summary>
    private static byte[] Png(int width, int height, int? rows = null, byte[]? idat = null)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, filter 0, not interlaced
        WriteChunk(png, "IHDR", header);
        if (idat is null)
        {
            var raw = new MemoryStream();
            var row = new byte[1 + Math.Min(width, 4096)]; // filter byte 0, then grey pixels
            for (var x = 1; x < row.Length; x++)
                row[x] = (byte)(x * 7);
            for (var y = 0; y < (rows ?? height); y++)
                raw.Write(row.AsSpan(0, rows is null ? 1 + width : row.Length));
            idat = Deflate(raw.ToArray());
        }

        WriteChunk(png, "IDAT", idat);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }

    /// <summary>
    /// A baseline greyscale JPEG, uniformly grey (128): every 8×8 block has a DC difference of 0 and
    /// no AC coefficient, so one Huffman code of one bit per table ("0") encodes each block in two bits.
    /// Small, but a real JPEG that any baseline decoder reads.
    /// </summary>
    private static byte[] Jpeg(int width, int height)
    {
        var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        jpeg.Write(Enumerable.Repeat((byte)1, 64).ToArray());
        jpeg.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        foreach (var tableClass in new byte[] { 0x00, 0x10 })
        {
            jpeg.Write([0xFF, 0xC4, 0x00, 0x14, tableClass, 0x01]);
            jpeg.Write(new byte[15]);
            jpeg.WriteByte(0x00); // DC: category 0; AC: end of block
        }

        jpeg.Write([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = 2 * blocks;
        var scan = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
            scan[^1] = (byte)((1 << (8 - (bits % 8))) - 1); // pad the last byte with 1 bits, as the standard asks
        jpeg.Write(scan);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }
}
