using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Seals issued and registered document numbers and the free text written about people (case history reasons,
    /// screening notes, matches and justifications, correction messages, void reasons). The print record's serial and
    /// the case's copy of its decision reason go. The trigger that freezes a print record now watches the number's
    /// keyed hash, since the sealed number and zone change when keys rotate (same rule as the SQLite migration).
    /// </summary>
    public partial class SealedNumbersAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION chancery_print_record_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."CaseId" <> OLD."CaseId" OR NEW."NumberKey" IS DISTINCT FROM OLD."NumberKey"
                       OR NEW."StockId" <> OLD."StockId" OR NEW."ScreeningResultId" <> OLD."ScreeningResultId"
                       OR NEW."PrintedAt" <> OLD."PrintedAt" OR (NEW."Mrz" IS NULL) <> (OLD."Mrz" IS NULL)
                       OR (OLD."Status" = 'Voided' AND NEW."Status" <> 'Voided') THEN
                        RAISE EXCEPTION 'issuance gate: a print record cannot be rewritten, only voided' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);

            migrationBuilder.DropIndex(
                name: "IX_RegisteredDocuments_DocumentNumber_IssuingState",
                table: "RegisteredDocuments");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_DocumentNumber",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "Serial",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "DecisionReason",
                table: "Cases");

            migrationBuilder.AlterColumn<string>(
                name: "Notes",
                table: "ScreeningResults",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Justification",
                table: "ScreeningResults",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Screened",
                table: "ScreeningMatches",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Reasons",
                table: "ScreeningMatches",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AddColumn<Guid>(
                name: "RowKey",
                table: "ScreeningMatches",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "RegisteredDocuments",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "RegisteredDocuments",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AddColumn<string>(
                name: "IdentityKey",
                table: "RegisteredDocuments",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RowKey",
                table: "RegisteredDocuments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AlterColumn<string>(
                name: "VoidReason",
                table: "IssuedDocuments",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "IssuedDocuments",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9);

            migrationBuilder.AddColumn<string>(
                name: "NumberKey",
                table: "IssuedDocuments",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "CorrectionRequests",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "CaseEvents",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RowKey",
                table: "CaseEvents",
                type: "uuid",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Sealed values stay sealed: going back restores the columns and the old rule, not clear text.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION chancery_print_record_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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
                """);

            migrationBuilder.DropIndex(
                name: "IX_RegisteredDocuments_IdentityKey",
                table: "RegisteredDocuments");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_NumberKey",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "RowKey",
                table: "ScreeningMatches");

            migrationBuilder.DropColumn(
                name: "IdentityKey",
                table: "RegisteredDocuments");

            migrationBuilder.DropColumn(
                name: "RowKey",
                table: "RegisteredDocuments");

            migrationBuilder.DropColumn(
                name: "NumberKey",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "RowKey",
                table: "CaseEvents");

            migrationBuilder.AlterColumn<string>(
                name: "Notes",
                table: "ScreeningResults",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Justification",
                table: "ScreeningResults",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Screened",
                table: "ScreeningMatches",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Reasons",
                table: "ScreeningMatches",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "RegisteredDocuments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "RegisteredDocuments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "VoidReason",
                table: "IssuedDocuments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DocumentNumber",
                table: "IssuedDocuments",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<long>(
                name: "Serial",
                table: "IssuedDocuments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "CorrectionRequests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "DecisionReason",
                table: "Cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Reason",
                table: "CaseEvents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredDocuments_DocumentNumber_IssuingState",
                table: "RegisteredDocuments",
                columns: new[] { "DocumentNumber", "IssuingState" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_DocumentNumber",
                table: "IssuedDocuments",
                column: "DocumentNumber",
                unique: true);
        }
    }
}
