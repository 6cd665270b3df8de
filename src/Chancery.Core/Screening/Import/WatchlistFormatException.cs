namespace Chancery.Core.Screening.Import;

/// <summary>The file is not in the format it claims; the message names the line (CSV) or the element and line (XML).</summary>
public sealed class WatchlistFormatException : Exception
{
    public WatchlistFormatException()
    {
    }

    public WatchlistFormatException(string message)
        : base(message)
    {
    }

    public WatchlistFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
