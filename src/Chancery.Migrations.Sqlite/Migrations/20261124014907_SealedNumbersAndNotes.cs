using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Seals issued and registered document numbers and the free text written about people (case history reasons,
    /// screening notes, matches and justifications, correction messages, void reasons). The print record's serial and
    /// the case's copy of its decision reason go. Columns are dropped in place (SQLite's own DROP COLUMN), not by
    /// rebuilding the table, which would drop the issuance-gate triggers with it; the trigger that freezes a print
    /// record now watches the number's keyed hash, since the sealed number and zone change when keys rotate.
    /// </summary>
    public partial class SealedNumbersAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegisteredDocuments_DocumentNumber_IssuingState",
                table: "RegisteredDocuments");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_DocumentNumber",
                table: "IssuedDocuments");

            migrationBuilder.Sql("""
                DROP TRIGGER print_record_frozen;
                ALTER TABLE "IssuedDocuments" DROP COLUMN "Serial";
                ALTER TABLE "Cases" DROP COLUMN "DecisionReason";
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "RowKey",
                table: "ScreeningMatches",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "IdentityKey",
                table: "RegisteredDocuments",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RowKey",
                table: "RegisteredDocuments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "NumberKey",
                table: "IssuedDocuments",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RowKey",
                table: "CaseEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredDocuments_IdentityKey",
                table: "RegisteredDocuments",
                column: "IdentityKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_NumberKey",
                table: "IssuedDocuments",
                column: "NumberKey",
                unique: true);

            migrationBuilder.Sql("""
                CREATE TRIGGER print_record_frozen BEFORE UPDATE ON "IssuedDocuments"
                WHEN NEW."CaseId" <> OLD."CaseId" OR NEW."NumberKey" IS NOT OLD."NumberKey"
                    OR NEW."StockId" <> OLD."StockId" OR NEW."ScreeningResultId" <> OLD."ScreeningResultId"
                    OR NEW."PrintedAt" <> OLD."PrintedAt" OR (NEW."Mrz" IS NULL) <> (OLD."Mrz" IS NULL)
                    OR (OLD."Status" = 'Voided' AND NEW."Status" <> 'Voided')
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: a print record cannot be rewritten, only voided');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Sealed values stay sealed: going back restores the columns and the old trigger, not clear text.
            migrationBuilder.Sql("""
                DROP TRIGGER print_record_frozen;
                DROP INDEX "IX_RegisteredDocuments_IdentityKey";
                DROP INDEX "IX_IssuedDocuments_NumberKey";
                ALTER TABLE "ScreeningMatches" DROP COLUMN "RowKey";
                ALTER TABLE "RegisteredDocuments" DROP COLUMN "IdentityKey";
                ALTER TABLE "RegisteredDocuments" DROP COLUMN "RowKey";
                ALTER TABLE "IssuedDocuments" DROP COLUMN "NumberKey";
                ALTER TABLE "CaseEvents" DROP COLUMN "RowKey";
                ALTER TABLE "IssuedDocuments" ADD "Serial" INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE "Cases" ADD "DecisionReason" TEXT NULL;
                CREATE UNIQUE INDEX "IX_RegisteredDocuments_DocumentNumber_IssuingState" ON "RegisteredDocuments" ("DocumentNumber", "IssuingState");
                CREATE UNIQUE INDEX "IX_IssuedDocuments_DocumentNumber" ON "IssuedDocuments" ("DocumentNumber");
                CREATE TRIGGER print_record_frozen BEFORE UPDATE ON "IssuedDocuments"
                WHEN NEW."CaseId" <> OLD."CaseId" OR NEW."DocumentNumber" <> OLD."DocumentNumber" OR NEW."Serial" <> OLD."Serial"
                    OR NEW."StockId" <> OLD."StockId" OR NEW."ScreeningResultId" <> OLD."ScreeningResultId"
                    OR NEW."PrintedAt" <> OLD."PrintedAt" OR NEW."Mrz" IS NOT OLD."Mrz"
                    OR (OLD."Status" = 'Voided' AND NEW."Status" <> 'Voided')
                BEGIN
                    SELECT RAISE(ABORT, 'issuance gate: a print record cannot be rewritten, only voided');
                END;
                """);
        }
    }
}
