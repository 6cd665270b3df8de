using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AutomaticScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ListVersions",
                table: "ScreeningResults",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScreeningMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScreeningResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Screened = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ListName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ListVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PrimaryName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MatchedName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MatchedKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    ListedDetails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningMatches_ScreeningResults_ScreeningResultId",
                        column: x => x.ScreeningResultId,
                        principalTable: "ScreeningResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningMatches_ScreeningResultId",
                table: "ScreeningMatches",
                column: "ScreeningResultId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScreeningMatches");

            migrationBuilder.DropColumn(
                name: "ListVersions",
                table: "ScreeningResults");
        }
    }
}
