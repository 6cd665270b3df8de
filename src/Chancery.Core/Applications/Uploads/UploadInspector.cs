using System.Buffers.Binary;
using System.IO.Compression;
using Chancery.Core.Common;
using StbImageSharp;

namespace Chancery.Core.Applications.Uploads;

/// <summary>
/// Decides what an applicant's upload is from its bytes alone (never from its name or the browser's
/// Content-Type) and refuses anything that is not a complete, reasonably sized JPEG, PNG or PDF.
/// Every byte comes from the public internet: nothing here throws on bad input.
/// </summary>
public static class UploadInspector
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;
    public const long MaxScanBytes = 10 * 1024 * 1024;
    public const int PhotoMinSide = 400;
    public const int PhotoMaxSide = 6000;
    public const int ScanMinSide = 200;
    public const int ScanMaxSide = 10_000;
    public const long MaxPixels = 40_000_000;

    /// <summary>Where <c>%%EOF</c> must be found, counted from the end of a PDF.</summary>
    public const int PdfEofWindow = 1024;

    /// <summary>How much a PDF's compressed streams may inflate to while they are searched for active content.</summary>
    public const long MaxPdfInflatedBytes = 128L * 1024 * 1024;

    /// <summary>Nested <c>FlateDecode</c> filters unwrapped when searching a stream.</summary>
    public const int MaxPdfFilterDepth = 3;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    private const string Field = "file";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Long names cannot turn up by chance in binary data (images, compressed bytes); the short ones can,
    // so they are only looked for where a PDF reader would parse syntax. A JavaScript action always
    // also carries /S /JavaScript, which is looked for everywhere.
    private static readonly byte[][] ActiveNames = ["JavaScript"u8.ToArray(), "Launch"u8.ToArray(), "EmbeddedFile"u8.ToArray(), "EmbeddedFiles"u8.ToArray(), "RichMedia"u8.ToArray()];
    private static readonly byte[][] ShortActiveNames = ["JS"u8.ToArray(), "XFA"u8.ToArray()];
    private static readonly byte[][] EncryptNames = ["Encrypt"u8.ToArray()];

    // A stream whose dictionary names one of these holds pixels or a font program, not PDF syntax.
    private static readonly byte[][] BinaryStreamNames =
    [
        "Image"u8.ToArray(), "DCTDecode"u8.ToArray(), "JPXDecode"u8.ToArray(), "CCITTFaxDecode"u8.ToArray(), "JBIG2Decode"u8.ToArray(),
        "Length1"u8.ToArray(), "Type1C"u8.ToArray(), "CIDFontType0C"u8.ToArray(), "OpenType"u8.ToArray(),
    ];

    private enum FileKind { Unknown, Jpeg, Png, Pdf }

    public static Result<InspectedFile> Inspect(ReadOnlySpan<byte> content, UploadSlot slot)
    {
        if (!Enum.IsDefined(slot))
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown upload slot.");

        var photo = slot == UploadSlot.Photo;
        var accepted = photo ? "a JPEG or PNG image" : "a JPEG or PNG image or a PDF document";
        if (content.IsEmpty)
            return Fail("upload.empty", $"The file is empty. Please send {accepted}.");

        var maxBytes = photo ? MaxPhotoBytes : MaxScanBytes;
        if (content.Length > maxBytes)
            return Fail("upload.too-large", $"The file is larger than {maxBytes / (1024 * 1024)} MiB, the limit for {(photo ? "a photo" : "a scanned document")}. Please send a smaller file.");

        return Sniff(content) switch
        {
            FileKind.Jpeg => InspectImage(content, photo, accepted, Jpeg, ".jpg", JpegHeader(content, accepted)),
            FileKind.Png => InspectImage(content, photo, accepted, Png, ".png", PngHeader(content, accepted)),
            FileKind.Pdf when photo => Fail("upload.photo-not-image", "A PDF is not accepted for the photo. Please send a JPEG or PNG image."),
            FileKind.Pdf => InspectPdf(content),
            _ => Fail("upload.unsupported-type", $"This kind of file is not accepted. Please send {accepted}."),
        };
    }

    private static FileKind Sniff(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return FileKind.Jpeg;
        if (c.StartsWith(PngSignature))
            return FileKind.Png;
        // %PDF-1.0 to %PDF-1.7 or %PDF-2.0, at offset 0 (readers accept junk before it; a polyglot relies on that).
        if (c.Length > 9 && (c.StartsWith("%PDF-1."u8) && c[7] is >= (byte)'0' and <= (byte)'7' || c.StartsWith("%PDF-2.0"u8)) && IsWhitespace(c[8]))
            return FileKind.Pdf;
        return FileKind.Unknown;
    }

    private static Result<InspectedFile> InspectImage(ReadOnlySpan<byte> content, bool photo, string accepted, string contentType, string extension, Result<(int Width, int Height)> header)
    {
        if (!header.IsSuccess)
            return header.Error;

        // The header alone, before anything is decoded: a small file that claims 50000 × 50000 pixels
        // (a decompression bomb) is refused without allocating for its pixels.
        var (minSide, maxSide) = photo ? (PhotoMinSide, PhotoMaxSide) : (ScanMinSide, ScanMaxSide);
        var (width, height) = header.Value;
        if (width < minSide || height < minSide || width > maxSide || height > maxSide)
        {
            var what = photo ? "The photo" : "A scanned image";
            return Fail("upload.image-dimensions", $"{what} must be between {minSide} and {maxSide} pixels wide and high; this one is {width} × {height}.");
        }

        if ((long)width * height > MaxPixels)
            return Fail("upload.image-too-many-pixels", $"The image has more than {MaxPixels / 1_000_000} megapixels ({width} × {height}). Please send a smaller image.");

        var bytes = content.ToArray();
        var corrupt = Fail("upload.image-unreadable", $"The image could not be read: it is damaged or incomplete. Please send {accepted}.");

        // The decoder's own reading of the header must agree with ours before it is let loose on the pixels.
        ImageInfo? info;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            info = ImageInfo.FromStream(stream);
        }
#pragma warning disable CA1031 // The decoder reports hostile input with plain exceptions; any of them means "unreadable".
        catch (Exception)
#pragma warning restore CA1031
        {
            return corrupt;
        }

        if (info is not { } decoderHeader || decoderHeader.Width != width || decoderHeader.Height != height)
            return corrupt;

        try
        {
            var image = ImageResult.FromMemory(bytes, ColorComponents.Default);
            if (image is null || image.Width != width || image.Height != height || image.Data is null)
                return corrupt;
        }
#pragma warning disable CA1031 // As above: a decoder failure on hostile bytes is a validation error, not a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return corrupt;
        }

        return new InspectedFile(contentType, extension, content.Length, width, height);
    }

    /// <summary>Walks the PNG chunks (CRCs, IHDR first, IEND last and nothing after it) and gives IHDR's size.</summary>
    private static Result<(int Width, int Height)> PngHeader(ReadOnlySpan<byte> c, string accepted)
    {
        var truncated = Fail("upload.image-truncated", $"The image is incomplete (it was cut short). Please send {accepted}.");
        var corrupt = Fail("upload.image-unreadable", $"The image could not be read: it is damaged or incomplete. Please send {accepted}.");
        var pos = PngSignature.Length;
        var first = true;
        var sawData = false;
        var size = (Width: 0, Height: 0);
        while (true)
        {
            if (c.Length - pos < 12)
                return truncated;
            var length = BinaryPrimitives.ReadUInt32BigEndian(c[pos..]);
            if (length > (uint)(c.Length - pos - 12))
                return truncated;
            var type = c.Slice(pos + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(c[(pos + 8 + (int)length)..]);
            if (Crc32(c.Slice(pos + 4, 4 + (int)length)) != crc)
                return corrupt;
            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                    return corrupt;
                size = (BinaryPrimitives.ReadInt32BigEndian(c[(pos + 8)..]), BinaryPrimitives.ReadInt32BigEndian(c[(pos + 12)..]));
                if (size.Width <= 0 || size.Height <= 0)
                    return corrupt;
            }

            first = false;
            sawData |= type.SequenceEqual("IDAT"u8);
            pos += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
                return !sawData ? corrupt : pos != c.Length ? TrailingData(accepted) : size;
        }
    }

    /// <summary>Walks the JPEG markers to the real end of image (EOI), through the entropy-coded scans, and gives the frame's size.</summary>
    private static Result<(int Width, int Height)> JpegHeader(ReadOnlySpan<byte> c, string accepted)
    {
        var truncated = Fail("upload.image-truncated", $"The image is incomplete (it was cut short). Please send {accepted}.");
        var corrupt = Fail("upload.image-unreadable", $"The image could not be read: it is damaged or incomplete. Please send {accepted}.");
        var pos = 2;
        var sawFrame = false;
        var sawScan = false;
        var size = (Width: 0, Height: 0);
        while (true)
        {
            if (pos >= c.Length)
                return truncated;
            if (c[pos] != 0xFF)
                return corrupt;
            while (pos < c.Length && c[pos] == 0xFF)
                pos++;
            if (pos >= c.Length)
                return truncated;
            var marker = c[pos++];
            if (marker == 0xD9)
                return !sawScan ? corrupt : pos != c.Length ? TrailingData(accepted) : size;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
                continue;
            if (marker is 0x00 or 0xD8)
                return corrupt;
            if (c.Length - pos < 2)
                return truncated;
            var length = BinaryPrimitives.ReadUInt16BigEndian(c[pos..]);
            if (length < 2)
                return corrupt;
            if (length > c.Length - pos)
                return truncated;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                // Precision, height, width; a height of 0 (given later in a DNL marker) is not supported.
                if (sawFrame || length < 8)
                    return corrupt;
                sawFrame = true;
                size = (BinaryPrimitives.ReadUInt16BigEndian(c[(pos + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(c[(pos + 3)..]));
                if (size.Width == 0 || size.Height == 0)
                    return corrupt;
            }

            pos += length;
            if (marker != 0xDA)
                continue;
            if (!sawFrame)
                return corrupt;
            sawScan = true;
            // Entropy-coded data ends at the first 0xFF that is not a stuffed zero or a restart marker.
            while (true)
            {
                var next = c[pos..].IndexOf((byte)0xFF);
                if (next < 0)
                    return truncated;
                pos += next;
                if (pos + 1 >= c.Length)
                    return truncated;
                var after = c[pos + 1];
                if (after is 0x00 or (>= 0xD0 and <= 0xD7))
                    pos += 2;
                else if (after == 0xFF)
                    pos++;
                else
                    break;
            }
        }
    }

    private static Result<InspectedFile> InspectPdf(ReadOnlySpan<byte> c)
    {
        if (c[Math.Max(0, c.Length - PdfEofWindow)..].IndexOf("%%EOF"u8) < 0)
            return Fail("upload.pdf-incomplete", "The PDF is incomplete (its end marker is missing). Please send the whole document.");

        var bytes = c.ToArray();
        var budget = MaxPdfInflatedBytes;
        var syntaxFrom = 0;
        var search = 0;
        while (true)
        {
            var found = c[search..].IndexOf("stream"u8);
            if (found < 0)
                break;
            var keyword = search + found;
            search = keyword + 6;
            if (keyword >= 3 && c.Slice(keyword - 3, 3).SequenceEqual("end"u8))
                continue;

            var bodyStart = keyword + 6;
            if (bodyStart < c.Length && c[bodyStart] == '\r')
                bodyStart++;
            if (bodyStart < c.Length && c[bodyStart] == '\n')
                bodyStart++;
            // A hostile "endstream" early in the body only makes more of the file count as syntax.
            var end = c[bodyStart..].IndexOf("endstream"u8);
            var bodyEnd = end < 0 ? c.Length : bodyStart + end;
            var binary = ContainsName(DictionaryBefore(c, keyword), BinaryStreamNames, complete: true);
            var body = c[bodyStart..bodyEnd];
            var compressed = LooksLikeZlib(body);

            if (PdfNamesProblem(c[syntaxFrom..bodyStart], shortNames: true) is { } before)
                return before;
            if (PdfNamesProblem(body, shortNames: !binary && !compressed) is { } inBody)
                return inBody;
            if (compressed && InflatedProblem(bytes, bodyStart, shortNames: !binary, ref budget) is { } inflated)
                return inflated;
            syntaxFrom = bodyEnd;
            search = Math.Max(search, bodyEnd);
        }

        if (PdfNamesProblem(c[syntaxFrom..], shortNames: true) is { } rest)
            return rest;
        return new InspectedFile(Pdf, ".pdf", c.Length, null, null);
    }

    private static Error? PdfNamesProblem(ReadOnlySpan<byte> data, bool shortNames, bool complete = true)
    {
        if (ContainsName(data, ActiveNames, complete) || shortNames && ContainsName(data, ShortActiveNames, complete))
            return ActiveContent();
        if (ContainsName(data, EncryptNames, complete))
            return Fail("upload.pdf-encrypted", "The PDF is encrypted or protected by a password. Please send it without protection.");
        return null;
    }

    /// <summary>Inflates a FlateDecode stream (and up to <see cref="MaxPdfFilterDepth"/> nested ones) and searches the result, chunk by chunk.</summary>
    private static Error? InflatedProblem(byte[] bytes, int offset, bool shortNames, ref long budget)
    {
        // Enough overlap that a name cut by a chunk boundary (even spelled with #xx escapes) is seen whole.
        const int Overlap = 128;
        const int ChunkSize = 64 * 1024;
        var window = new byte[Overlap + ChunkSize];
        for (var depth = 1; depth <= MaxPdfFilterDepth; depth++)
        {
            var kept = 0;
            var head = new byte[2];
            var headLength = 0;
            using var stream = OpenInflated(bytes, offset, depth);
            while (true)
            {
                int read;
                try
                {
                    read = stream.Read(window, kept, ChunkSize);
                }
                catch (InvalidDataException)
                {
                    read = 0;
                }

                if (headLength < 2)
                {
                    var take = Math.Min(2 - headLength, read);
                    window.AsSpan(kept, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                }

                if (read == 0)
                {
                    if (PdfNamesProblem(window.AsSpan(0, kept), shortNames) is { } last)
                        return last;
                    break;
                }

                budget -= read;
                if (budget < 0)
                    return Fail("upload.pdf-too-complex", "The PDF could not be checked: it holds too much compressed data. Please send a smaller document.");
                var total = kept + read;
                if (PdfNamesProblem(window.AsSpan(0, total), shortNames, complete: false) is { } found)
                    return found;
                kept = Math.Min(Overlap, total);
                Array.Copy(window, total - kept, window, 0, kept);
            }

            if (headLength < 2 || !LooksLikeZlib(head))
                break;
        }

        return null;
    }

    private static Stream OpenInflated(byte[] bytes, int offset, int depth)
    {
        Stream stream = new MemoryStream(bytes, offset, bytes.Length - offset, writable: false);
        for (var i = 0; i < depth; i++)
            stream = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: false);
        return stream;
    }

    private static bool LooksLikeZlib(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && (data[0] >> 4) <= 7 && ((data[0] << 8) | data[1]) % 31 == 0;

    /// <summary>The stream's dictionary: from the <c>obj</c> keyword before it, at most 4 KiB back.</summary>
    private static ReadOnlySpan<byte> DictionaryBefore(ReadOnlySpan<byte> c, int keyword)
    {
        var region = c[Math.Max(0, keyword - 4096)..keyword];
        var obj = region.LastIndexOf("obj"u8);
        return obj < 0 ? region : region[(obj + 3)..];
    }

    /// <summary>
    /// Whether a name token (a slash, then regular characters up to a delimiter, with #xx escapes decoded)
    /// equals one of <paramref name="names"/> exactly: <c>/JSON</c> is not <c>/JS</c>, <c>/J#53</c> is.
    /// When <paramref name="complete"/> is false, a name running to the end of the data may go on further and is not judged.
    /// </summary>
    private static bool ContainsName(ReadOnlySpan<byte> data, byte[][] names, bool complete)
    {
        Span<byte> name = stackalloc byte[32];
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != '/')
                continue;
            var length = 0;
            var tooLong = false;
            var j = i + 1;
            while (j < data.Length && !IsDelimiter(data[j]))
            {
                var b = data[j];
                if (b == '#' && j + 2 < data.Length && IsHex(data[j + 1]) && IsHex(data[j + 2]))
                {
                    b = (byte)((HexValue(data[j + 1]) << 4) | HexValue(data[j + 2]));
                    j += 3;
                }
                else
                {
                    j++;
                }

                if (length < name.Length)
                    name[length++] = b;
                else
                    tooLong = true;
            }

            if (j == data.Length && !complete)
                return false;
            if (!tooLong)
            {
                foreach (var candidate in names)
                {
                    if (name[..length].SequenceEqual(candidate))
                        return true;
                }
            }

            i = j - 1;
        }

        return false;
    }

    private static bool IsWhitespace(byte b) => b is 0x00 or 0x09 or 0x0A or 0x0C or 0x0D or 0x20;

    private static bool IsDelimiter(byte b) => IsWhitespace(b) || b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

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

    private static Error TrailingData(string accepted) =>
        Fail("upload.trailing-data", $"The file has extra data after the end of the image, which is not accepted. Please save it again and send {accepted}.");

    private static Error ActiveContent() =>
        Fail("upload.pdf-active-content", "The PDF contains active content (scripts, launch actions, embedded files, rich media or XFA forms), which is not accepted. Please print it to a new PDF or send a scan.");

    private static Error Fail(string code, string message) => new(ErrorKind.Validation, code, message, Field);
}
