namespace Chancery.Web.Infrastructure;

/// <summary>The database's schema is not the one this build expects; the message says what to do.</summary>
public sealed class SchemaMismatchException : Exception
{
    public SchemaMismatchException()
    {
    }

    public SchemaMismatchException(string message)
        : base(message)
    {
    }

    public SchemaMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
