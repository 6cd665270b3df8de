namespace Chancery.Core.Documents.Mrz;

/// <summary>
/// The text cannot be read as a machine readable zone at all: wrong number or length of lines,
/// characters outside A–Z, 0–9 and &lt;. A zone that is readable but wrong (a check digit, a date,
/// a country code) is not an exception: it is reported in <see cref="MrzReading.Problems"/>.
/// </summary>
public sealed class MrzFormatException : Exception
{
    public MrzFormatException()
        : base("The text is not a machine readable zone.")
    {
    }

    public MrzFormatException(string message)
        : base(message)
    {
    }

    public MrzFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
