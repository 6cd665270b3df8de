using Chancery.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chancery.Web.Infrastructure;

/// <summary>
/// Compares the migrations applied to the database with those this build carries. The server
/// refuses to start on anything else, and says which versions and what to run.
/// </summary>
internal static class SchemaCheck
{
    public sealed record Verdict(bool Ok, string Expected, string Found, string? Message);

    public static async Task<Verdict> CheckAsync(ChanceryDb db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var expected = known.LastOrDefault() ?? "(none)";
        var found = applied.LastOrDefault() ?? "(empty database)";
        var unknown = applied.Except(known).ToList();
        if (unknown.Count > 0)
        {
            return new Verdict(false, expected, found,
                $"The database schema is newer than this version of Chancery: it has {found}, this build expects {expected}. " +
                "Run the Chancery version that matches the database, or restore a backup taken before the upgrade.");
        }

        var pending = known.Except(applied).ToList();
        if (pending.Count > 0)
        {
            return new Verdict(false, expected, found,
                $"The database schema is older than this version of Chancery: it has {found}, this build expects {expected} " +
                $"({pending.Count} migration(s) pending). Run: chancery migrate (dotnet run --project src/Chancery.Web -- migrate).");
        }

        return new Verdict(true, expected, found, null);
    }

    /// <summary>Applies every pending migration; each migration runs in its own transaction.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(ChanceryDb db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(cancellationToken: ct);
        return pending;
    }
}
