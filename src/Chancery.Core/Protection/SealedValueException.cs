namespace Chancery.Core.Protection;

/// <summary>A sealed value or a wrapped key that does not decrypt: moved to another row, altered, or under a key that is not held.</summary>
public sealed class SealedValueException : Exception
{
    public SealedValueException()
    {
    }

    public SealedValueException(string message)
        : base(message)
    {
    }

    public SealedValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
