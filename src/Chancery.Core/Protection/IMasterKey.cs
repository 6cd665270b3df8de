namespace Chancery.Core.Protection;

/// <summary>
/// The key that wraps the data and index keys. It never enters the database: by default a key file
/// outside the data folder (<see cref="FileMasterKey"/>); in production an HSM or a cloud KMS behind this interface.
/// </summary>
public interface IMasterKey
{
    /// <summary>Names the master key; stored beside each key it wrapped.</summary>
    string Id { get; }

    /// <summary>Encrypts <paramref name="key"/>, bound to <paramref name="purpose"/>.</summary>
    byte[] Wrap(ReadOnlySpan<byte> key, string purpose);

    /// <summary>Decrypts a wrapped key; throws <see cref="SealedValueException"/> when it was not wrapped by this key for this purpose.</summary>
    byte[] Unwrap(ReadOnlySpan<byte> wrapped, string purpose);
}
