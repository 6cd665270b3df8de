using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Watchlists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Aliases",
                table: "Watchlists",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "Watchlists",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Individuals",
                table: "Watchlists",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Watchlists",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "WatchlistEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WatchlistId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PrimaryName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BirthDates = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Nationalities = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentNumbers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchlistEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchlistEntries_Watchlists_WatchlistId",
                        column: x => x.WatchlistId,
                        principalTable: "Watchlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WatchlistImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    Individuals = table.Column<int>(type: "INTEGER", nullable: false),
                    Aliases = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchlistImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WatchlistNames",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Quality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchlistNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchlistNames_WatchlistEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "WatchlistEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WatchlistEntries_WatchlistId_SourceId",
                table: "WatchlistEntries",
                columns: new[] { "WatchlistId", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchlistImports_ListName_StartedAt",
                table: "WatchlistImports",
                columns: new[] { "ListName", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchlistNames_EntryId",
                table: "WatchlistNames",
                column: "EntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WatchlistImports");

            migrationBuilder.DropTable(
                name: "WatchlistNames");

            migrationBuilder.DropTable(
                name: "WatchlistEntries");

            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Watchlists");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Watchlists");

            migrationBuilder.DropColumn(
                name: "Individuals",
                table: "Watchlists");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Watchlists");
        }
    }
}
