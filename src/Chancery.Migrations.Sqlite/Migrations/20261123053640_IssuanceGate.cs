using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The issuance gate in the database (same rule as the PostgreSQL migration of the same name):
    /// a print record is refused unless its case is approved by someone other than the agent who
    /// entered it, and it cites the case's latest screening, which passed, after the last watchlist
    /// change and within the configured age. Print records cannot be rewritten, only voided.
    /// </summary>
    public partial class IssuanceGate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER issuance_gate BEFORE INSERT ON "IssuedDocuments"
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: the case is not approved')
                    WHERE NOT EXISTS (SELECT 1 FROM "Cases" c WHERE c."Id" = NEW."CaseId"
                        AND c."State" IN ('Approved', 'Printed') AND c."ApprovedBy" IS NOT NULL AND c."ApprovedAt" IS NOT NULL);
                    SELECT RAISE(ABORT, 'issuance gate: the case was approved by the agent who entered it')
                    WHERE EXISTS (SELECT 1 FROM "Cases" c WHERE c."Id" = NEW."CaseId" AND c."ApprovedBy" = c."EnteredBy");
                    SELECT RAISE(ABORT, 'issuance gate: no passing screening of the case')
                    WHERE NOT EXISTS (SELECT 1 FROM "ScreeningResults" s WHERE s."Id" = NEW."ScreeningResultId"
                        AND s."CaseId" = NEW."CaseId" AND (s."Outcome" = 'Clear' OR s."Resolution" = 'Cleared'));
                    SELECT RAISE(ABORT, 'issuance gate: a newer screening of the case exists')
                    WHERE EXISTS (SELECT 1 FROM "ScreeningResults" s, "ScreeningResults" later
                        WHERE s."Id" = NEW."ScreeningResultId" AND later."CaseId" = NEW."CaseId"
                        AND julianday(later."ScreenedAt") > julianday(s."ScreenedAt"));
                    SELECT RAISE(ABORT, 'issuance gate: the screening predates the last watchlist change')
                    WHERE EXISTS (SELECT 1 FROM "ScreeningResults" s, "Watchlists" w
                        WHERE s."Id" = NEW."ScreeningResultId" AND julianday(s."ScreenedAt") <= julianday(w."ChangedAt"));
                    -- The writer gives the print time; the database's own clock bounds it from below.
                    SELECT RAISE(ABORT, 'issuance gate: the print time is in the past')
                    WHERE julianday(NEW."PrintedAt") < julianday('now') - 600.0 / 86400.0;
                    SELECT RAISE(ABORT, 'issuance gate: the screening is stale')
                    WHERE EXISTS (SELECT 1 FROM "ScreeningResults" s, "Cases" c
                        WHERE s."Id" = NEW."ScreeningResultId" AND c."Id" = NEW."CaseId"
                        AND (julianday(NEW."PrintedAt") < julianday(s."ScreenedAt")
                            OR julianday(NEW."PrintedAt") < julianday(c."ApprovedAt")
                            OR (julianday(NEW."PrintedAt") - julianday(s."ScreenedAt")) * 86400.0
                                > coalesce((SELECT g."ScreeningMaxAgeSeconds" FROM "GateSettings" g WHERE g."Id" = 1), 0)));
                END;

                CREATE TRIGGER print_record_frozen BEFORE UPDATE ON "IssuedDocuments"
                WHEN NEW."CaseId" <> OLD."CaseId" OR NEW."DocumentNumber" <> OLD."DocumentNumber" OR NEW."Serial" <> OLD."Serial"
                    OR NEW."StockId" <> OLD."StockId" OR NEW."ScreeningResultId" <> OLD."ScreeningResultId"
                    OR NEW."PrintedAt" <> OLD."PrintedAt" OR NEW."Mrz" IS NOT OLD."Mrz"
                    OR (OLD."Status" = 'Voided' AND NEW."Status" <> 'Voided')
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: a print record cannot be rewritten, only voided');
                END;

                CREATE TRIGGER print_record_kept BEFORE DELETE ON "IssuedDocuments"
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: print records are kept for good; void, do not delete');
                END;

                CREATE TRIGGER spoiled_item_kept BEFORE DELETE ON "SpoiledItems"
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: spoiled items are kept for good');
                END;

                CREATE TRIGGER screening_time BEFORE INSERT ON "ScreeningResults"
                WHEN julianday(NEW."ScreenedAt") < julianday('now') - 600.0 / 86400.0
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: a screening cannot be recorded in the past');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER screening_time;
                DROP TRIGGER spoiled_item_kept;
                DROP TRIGGER print_record_kept;
                DROP TRIGGER print_record_frozen;
                DROP TRIGGER issuance_gate;
                """);
        }
    }
}
