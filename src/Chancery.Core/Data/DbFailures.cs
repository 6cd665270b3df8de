using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Data;

/// <summary>Recognises database refusals that operations turn into expected failures, on either database.</summary>
public static class DbFailures
{
    /// <summary>A unique index refused the row (PostgreSQL SQLSTATE 23505; SQLite "UNIQUE constraint failed").</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e?.InnerException is DbException db
        && (db.SqlState == "23505" || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));

    public static bool IsPostgres(this ChanceryDb db) =>
        db?.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
}
