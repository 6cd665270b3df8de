using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The issuance gate in the database: a print record is refused unless its case is approved
    /// (by someone other than the agent who entered it) and it cites the case's latest screening,
    /// which passed, after the last watchlist change and within the configured age. Print records
    /// cannot be rewritten afterwards, except to void them or confirm the print station's job.
    /// </summary>
    public partial class IssuanceGate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION chancery_issuance_gate() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    c record;
                    s record;
                    max_age integer;
                    last_change timestamptz;
                BEGIN
                    SELECT "State", "ApprovedBy", "ApprovedAt", "EnteredBy" INTO c FROM "Cases" WHERE "Id" = NEW."CaseId";
                    IF NOT FOUND OR c."State" NOT IN ('Approved', 'Printed') OR c."ApprovedBy" IS NULL OR c."ApprovedAt" IS NULL THEN
                        RAISE EXCEPTION 'issuance gate: case % is not approved', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    IF c."ApprovedBy" = c."EnteredBy" THEN
                        RAISE EXCEPTION 'issuance gate: case % was approved by the agent who entered it', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    SELECT "ScreenedAt", "Outcome", "Resolution" INTO s FROM "ScreeningResults"
                        WHERE "Id" = NEW."ScreeningResultId" AND "CaseId" = NEW."CaseId";
                    IF NOT FOUND OR NOT (s."Outcome" = 'Clear' OR s."Resolution" IS NOT DISTINCT FROM 'Cleared') THEN
                        RAISE EXCEPTION 'issuance gate: no passing screening of case %', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    IF EXISTS (SELECT 1 FROM "ScreeningResults" WHERE "CaseId" = NEW."CaseId" AND "ScreenedAt" > s."ScreenedAt") THEN
                        RAISE EXCEPTION 'issuance gate: a newer screening of case % exists', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    SELECT max("ChangedAt") INTO last_change FROM "Watchlists";
                    IF last_change IS NOT NULL AND s."ScreenedAt" <= last_change THEN
                        RAISE EXCEPTION 'issuance gate: the screening of case % predates the last watchlist change', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    -- The writer gives the print time; the database's own clock bounds it from below, so a
                    -- backdated print record cannot pass an old screening off as fresh.
                    IF NEW."PrintedAt" < now() - interval '10 minutes' THEN
                        RAISE EXCEPTION 'issuance gate: the print time of case % is in the past', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    SELECT "ScreeningMaxAgeSeconds" INTO max_age FROM "GateSettings" WHERE "Id" = 1;
                    IF NEW."PrintedAt" < s."ScreenedAt" OR NEW."PrintedAt" < c."ApprovedAt"
                       OR NEW."PrintedAt" - s."ScreenedAt" > make_interval(secs => coalesce(max_age, 0)) THEN
                        RAISE EXCEPTION 'issuance gate: the screening of case % is stale', NEW."CaseId" USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER issuance_gate BEFORE INSERT ON "IssuedDocuments"
                    FOR EACH ROW EXECUTE FUNCTION chancery_issuance_gate();

                CREATE FUNCTION chancery_print_record_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."CaseId" <> OLD."CaseId" OR NEW."DocumentNumber" <> OLD."DocumentNumber" OR NEW."Serial" <> OLD."Serial"
                       OR NEW."StockId" <> OLD."StockId" OR NEW."ScreeningResultId" <> OLD."ScreeningResultId"
                       OR NEW."PrintedAt" <> OLD."PrintedAt" OR NEW."Mrz" IS DISTINCT FROM OLD."Mrz"
                       OR (OLD."Status" = 'Voided' AND NEW."Status" <> 'Voided') THEN
                        RAISE EXCEPTION 'issuance gate: a print record cannot be rewritten, only voided' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER print_record_frozen BEFORE UPDATE ON "IssuedDocuments"
                    FOR EACH ROW EXECUTE FUNCTION chancery_print_record_frozen();

                CREATE FUNCTION chancery_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'issuance gate: % rows are kept for good; void, do not delete', TG_TABLE_NAME USING ERRCODE = 'check_violation';
                END
                $$;

                CREATE TRIGGER print_record_kept BEFORE DELETE ON "IssuedDocuments"
                    FOR EACH ROW EXECUTE FUNCTION chancery_refuse_delete();
                CREATE TRIGGER spoiled_item_kept BEFORE DELETE ON "SpoiledItems"
                    FOR EACH ROW EXECUTE FUNCTION chancery_refuse_delete();

                -- A screening's time is bounded by the database clock too, so the gate's freshness rule rests on it.
                CREATE FUNCTION chancery_screening_time() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."ScreenedAt" < now() - interval '10 minutes' THEN
                        RAISE EXCEPTION 'issuance gate: a screening cannot be recorded in the past' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER screening_time BEFORE INSERT ON "ScreeningResults"
                    FOR EACH ROW EXECUTE FUNCTION chancery_screening_time();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER screening_time ON "ScreeningResults";
                DROP FUNCTION chancery_screening_time();
                DROP TRIGGER spoiled_item_kept ON "SpoiledItems";
                DROP TRIGGER print_record_kept ON "IssuedDocuments";
                DROP FUNCTION chancery_refuse_delete();
                DROP TRIGGER print_record_frozen ON "IssuedDocuments";
                DROP FUNCTION chancery_print_record_frozen();
                DROP TRIGGER issuance_gate ON "IssuedDocuments";
                DROP FUNCTION chancery_issuance_gate();
                """);
        }
    }
}
