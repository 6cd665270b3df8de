using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SealedPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EmailIndex",
                table: "SubmittedApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmailIndex",
                table: "Persons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NameBirthIndex",
                table: "Persons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DocumentIndex",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DocumentIndex",
                table: "Bookings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DocumentIndex",
                table: "BookingRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdentityKey",
                table: "BallotEntries",
                type: "TEXT",
                maxLength: 24,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 24);

            migrationBuilder.AddColumn<int>(
                name: "DocumentIndex",
                table: "BallotEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedApplications_EmailIndex",
                table: "SubmittedApplications",
                column: "EmailIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_EmailIndex",
                table: "Persons",
                column: "EmailIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_NameBirthIndex",
                table: "Persons",
                column: "NameBirthIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DocumentIndex",
                table: "Cases",
                column: "DocumentIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_DocumentIndex",
                table: "Bookings",
                column: "DocumentIndex");

            migrationBuilder.CreateIndex(
                name: "IX_BookingRequests_DocumentIndex",
                table: "BookingRequests",
                column: "DocumentIndex");

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_DocumentIndex",
                table: "BallotEntries",
                column: "DocumentIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubmittedApplications_EmailIndex",
                table: "SubmittedApplications");

            migrationBuilder.DropIndex(
                name: "IX_Persons_EmailIndex",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_NameBirthIndex",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DocumentIndex",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_DocumentIndex",
                table: "Bookings");

            migrationBuilder.DropIndex(
                name: "IX_BookingRequests_DocumentIndex",
                table: "BookingRequests");

            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_DocumentIndex",
                table: "BallotEntries");

            migrationBuilder.DropColumn(
                name: "EmailIndex",
                table: "SubmittedApplications");

            migrationBuilder.DropColumn(
                name: "EmailIndex",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "NameBirthIndex",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "DocumentIndex",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DocumentIndex",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "DocumentIndex",
                table: "BookingRequests");

            migrationBuilder.DropColumn(
                name: "DocumentIndex",
                table: "BallotEntries");

            migrationBuilder.AlterColumn<string>(
                name: "IdentityKey",
                table: "BallotEntries",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 24,
                oldNullable: true);
        }
    }
}
