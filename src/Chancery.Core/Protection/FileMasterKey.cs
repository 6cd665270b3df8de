using System.Security.Cryptography;
using System.Text;

namespace Chancery.Core.Protection;

/// <summary>
/// A 256-bit master key kept in a file (base64, one line), readable by the service account only.
/// Wrapping is AES-256-GCM with the purpose as associated data; the key id is a hash of the key.
/// </summary>
public sealed class FileMasterKey : IMasterKey
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;

    private FileMasterKey(byte[] key)
    {
        this.key = key;
        Id = "file:" + Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    public string Id { get; }

    /// <summary>Reads the key file; creates it (mode 600) with a fresh key when <paramref name="create"/> and it is absent.</summary>
    public static FileMasterKey Load(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            if (!create)
                throw new SealedValueException($"The master key file {path} does not exist.");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var stream = new FileStream(path, options);
                using var writer = new StreamWriter(stream, Encoding.ASCII);
                writer.WriteLine(Convert.ToBase64String(fresh));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException e)
        {
            throw new SealedValueException($"The master key file {path} is not one line of base64.", e);
        }

        return bytes.Length == 32 ? new FileMasterKey(bytes) : throw new SealedValueException($"The master key in {path} is not 256 bits.");
    }

    public byte[] Wrap(ReadOnlySpan<byte> key, string purpose)
    {
        var output = new byte[NonceSize + key.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(this.key, TagSize);
        aes.Encrypt(nonce, key, output.AsSpan(NonceSize, key.Length), output.AsSpan(NonceSize + key.Length), Associated(purpose));
        return output;
    }

    public byte[] Unwrap(ReadOnlySpan<byte> wrapped, string purpose)
    {
        if (wrapped.Length < NonceSize + TagSize)
            throw new SealedValueException($"The wrapped {purpose} key is too short.");
        var plain = new byte[wrapped.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(wrapped[..NonceSize], wrapped.Slice(NonceSize, plain.Length), wrapped[(NonceSize + plain.Length)..], plain, Associated(purpose));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SealedValueException($"The {purpose} key was not wrapped by master key {Id}.", e);
        }

        return plain;
    }

    private static byte[] Associated(string purpose) => Encoding.UTF8.GetBytes("chancery-master-key|" + purpose);
}
