using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Row-level security by post, the database's second line behind the application's own checks (docs/rls.md).
    /// A role that is not the tables' owner sees a row of personal data only when the row's post is in the
    /// session's <c>chancery.post_ids</c> (a comma-separated list), or when <c>chancery.scope</c> is
    /// <c>system</c>; with neither set it sees no row. The owner (migrations) and superusers are not held.
    /// No model change: the schema is the one of the previous migration.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        // Tables whose rows carry their post.
        private static readonly string[] ByPost = ["Cases", "Bookings", "BookingRequests"];

        // Tables whose rows belong to a case: visible with the case.
        private static readonly string[] ByCase = ["CaseEvents", "SubmittedApplications", "IssuedDocuments", "ScreeningResults", "CorrectionRequests"];

        private static readonly string[] All =
            [.. ByPost, .. ByCase, "Persons", "ScreeningMatches", "BallotEntries", "ApplicationDocuments", "ApplicationDrafts"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Both are plain expressions, so PostgreSQL inlines them into the policies and keeps using the indexes.
            migrationBuilder.Sql("""
                CREATE FUNCTION chancery_system_scope() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT coalesce(current_setting('chancery.scope', true) = 'system', false)
                $$;
                CREATE FUNCTION chancery_sees_post(post integer) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT coalesce(current_setting('chancery.scope', true) = 'system', false)
                        OR coalesce(post = ANY (string_to_array(nullif(current_setting('chancery.post_ids', true), ''), ',')::integer[]), false)
                $$;
                """);

            foreach (var table in ByPost)
                Policy(migrationBuilder, table, """chancery_sees_post("PostId")""");

            foreach (var table in ByCase)
                Policy(migrationBuilder, table, $"""chancery_system_scope() OR EXISTS (SELECT 1 FROM "Cases" c WHERE c."Id" = "{table}"."CaseId" AND chancery_sees_post(c."PostId"))""");

            Policy(migrationBuilder, "ScreeningMatches", """
                chancery_system_scope() OR EXISTS (SELECT 1 FROM "ScreeningResults" r JOIN "Cases" c ON c."Id" = r."CaseId"
                    WHERE r."Id" = "ScreeningMatches"."ScreeningResultId" AND chancery_sees_post(c."PostId"))
                """);
            Policy(migrationBuilder, "BallotEntries", """
                chancery_system_scope() OR EXISTS (SELECT 1 FROM "Ballots" b WHERE b."Id" = "BallotEntries"."BallotId" AND chancery_sees_post(b."PostId"))
                """);
            // Uploads belong to a draft (the applicant's, so the system scope) until the application makes them a case's.
            Policy(migrationBuilder, "ApplicationDocuments", """
                chancery_system_scope() OR ("CaseId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Cases" c WHERE c."Id" = "ApplicationDocuments"."CaseId" AND chancery_sees_post(c."PostId")))
                """);
            Policy(migrationBuilder, "ApplicationDrafts", "chancery_system_scope()");

            // A person has no post: they are seen through the cases that name them (applicant or parent). A new person
            // is written before the case that names them, so inserting is open; reading it back is not.
            migrationBuilder.Sql("""
                ALTER TABLE "Persons" ENABLE ROW LEVEL SECURITY;
                CREATE POLICY by_post_insert ON "Persons" FOR INSERT WITH CHECK (true);
                """);
            foreach (var command in new[] { "SELECT", "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql($"""
                    CREATE POLICY by_post_{command.ToLowerInvariant()} ON "Persons" FOR {command} USING (
                        chancery_system_scope() OR EXISTS (SELECT 1 FROM "Cases" c
                            WHERE (c."ApplicantId" = "Persons"."Id" OR c."FirstParentId" = "Persons"."Id" OR c."SecondParentId" = "Persons"."Id")
                            AND chancery_sees_post(c."PostId")));
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in All)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
                    DROP POLICY IF EXISTS by_post ON "{table}";
                    """);
            }

            migrationBuilder.Sql("""
                DROP POLICY by_post_insert ON "Persons";
                DROP POLICY by_post_select ON "Persons";
                DROP POLICY by_post_update ON "Persons";
                DROP POLICY by_post_delete ON "Persons";
                DROP FUNCTION chancery_sees_post(integer);
                DROP FUNCTION chancery_system_scope();
                """);
        }

        private static void Policy(MigrationBuilder migrationBuilder, string table, string visible) =>
            migrationBuilder.Sql($"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                CREATE POLICY by_post ON "{table}" USING ({visible});
                """);
    }
}
