using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Protection;

/// <summary>
/// AES-256-GCM for one personal value. The associated data names the entity, the field, the row and the key
/// version, so a value copied to another row or field, or with one bit changed, does not decrypt.
/// Stored form: <c>s1.&lt;version&gt;.&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>.
/// </summary>
public sealed class Sealer(KeyRing keys)
{
    public const string Prefix = "s1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public KeyRing Keys => keys;

    public string Seal(string plaintext, string entity, string field, string row) => Seal(plaintext, entity, field, row, keys.CurrentVersion);

    public string Seal(string plaintext, string entity, string field, string row, int version)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        Encrypt(plain, output, version, entity, field, row);
        return Prefix + version.ToString(CultureInfo.InvariantCulture) + "." + Convert.ToBase64String(output);
    }

    public string Open(string sealedValue, string entity, string field, string row)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        var what = $"{entity}.{field} of row {row}";
        var version = VersionOf(sealedValue) ?? throw new SealedValueException($"{what} is not a sealed value.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(sealedValue[(sealedValue.IndexOf('.', Prefix.Length) + 1)..]);
        }
        catch (FormatException e)
        {
            throw new SealedValueException($"{what} is not a sealed value.", e);
        }

        return Encoding.UTF8.GetString(Decrypt(bytes, version, entity, field, row, what, "another row or field"));
    }

    /// <summary>
    /// Seals a file's content the same way, in binary: <c>CHS1</c>, the key version (4 bytes, big-endian), the nonce,
    /// the ciphertext and the tag. The associated data names the file, so content moved to another name does not open.
    /// </summary>
    public byte[] SealBytes(ReadOnlySpan<byte> plain, string entity, string field, string row)
    {
        var version = keys.CurrentVersion;
        var output = new byte[FileHeader + NonceSize + plain.Length + TagSize];
        FileMagic.CopyTo(output);
        BinaryPrimitives.WriteInt32BigEndian(output.AsSpan(FileMagic.Length), version);
        Encrypt(plain, output.AsSpan(FileHeader), version, entity, field, row);
        return output;
    }

    public byte[] OpenBytes(ReadOnlySpan<byte> sealedContent, string entity, string field, string row)
    {
        var what = $"{entity}.{field} of {row}";
        var version = VersionOf(sealedContent) ?? throw new SealedValueException($"{what} is not sealed content.");
        return Decrypt(sealedContent[FileHeader..], version, entity, field, row, what, "another file");
    }

    // nonce ‖ ciphertext ‖ tag into output, which is exactly that long.
    private void Encrypt(ReadOnlySpan<byte> plain, Span<byte> output, int version, string entity, string field, string row)
    {
        var nonce = output[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.DataKey(version), TagSize);
        aes.Encrypt(nonce, plain, output.Slice(NonceSize, plain.Length), output[(NonceSize + plain.Length)..], Associated(entity, field, row, version));
    }

    // Opens nonce ‖ ciphertext ‖ tag; "what" and "elsewhere" word the failure.
    private byte[] Decrypt(ReadOnlySpan<byte> box, int version, string entity, string field, string row, string what, string elsewhere)
    {
        if (box.Length < NonceSize + TagSize)
            throw new SealedValueException($"{what} is truncated.");
        var plain = new byte[box.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keys.DataKey(version), TagSize);
        try
        {
            aes.Decrypt(box[..NonceSize], box.Slice(NonceSize, plain.Length), box[(NonceSize + plain.Length)..], plain, Associated(entity, field, row, version));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SealedValueException($"{what} does not decrypt: it was altered, or it belongs to {elsewhere}.", e);
        }

        return plain;
    }

    /// <summary>The key version sealed content is under, or null when it does not start like sealed content.</summary>
    public static int? VersionOf(ReadOnlySpan<byte> sealedContent) =>
        sealedContent.Length >= FileHeader && sealedContent.StartsWith(FileMagic)
            ? BinaryPrimitives.ReadInt32BigEndian(sealedContent[FileMagic.Length..FileHeader])
            : null;

    private static ReadOnlySpan<byte> FileMagic => "CHS1"u8;

    private const int FileHeader = 8;

    /// <summary>The key version a stored value is under, or null when it is not a sealed value.</summary>
    public static int? VersionOf(string stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var end = stored.IndexOf('.', Prefix.Length);
        return end > Prefix.Length && int.TryParse(stored.AsSpan(Prefix.Length, end - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static byte[] Associated(string entity, string field, string row, int version) =>
        Encoding.UTF8.GetBytes($"chancery|{entity}|{field}|{row}|v{version.ToString(CultureInfo.InvariantCulture)}");
}
