using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chancery.Web.Infrastructure;

internal static class DbErrors
{
    /// <summary>A unique index refused the row, on either database.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e?.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode == 19 && lite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };
}
