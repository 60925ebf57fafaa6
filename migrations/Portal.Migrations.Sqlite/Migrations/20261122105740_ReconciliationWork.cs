using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReconciliationWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedUserId",
                table: "ReconciliationExceptions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedByUserId",
                table: "ReconciliationExceptions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedUtc",
                table: "ReconciliationExceptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "ReconciliationExceptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ReconciliationComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExceptionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconciliationComments_ReconciliationExceptions_ExceptionId",
                        column: x => x.ExceptionId,
                        principalTable: "ReconciliationExceptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationExceptions_State_DetectedUtc",
                table: "ReconciliationExceptions",
                columns: new[] { "State", "DetectedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationComments_ExceptionId",
                table: "ReconciliationComments",
                column: "ExceptionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationComments");

            migrationBuilder.DropIndex(
                name: "IX_ReconciliationExceptions_State_DetectedUtc",
                table: "ReconciliationExceptions");

            migrationBuilder.DropColumn(
                name: "AssignedUserId",
                table: "ReconciliationExceptions");

            migrationBuilder.DropColumn(
                name: "ResolvedByUserId",
                table: "ReconciliationExceptions");

            migrationBuilder.DropColumn(
                name: "ResolvedUtc",
                table: "ReconciliationExceptions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "ReconciliationExceptions");
        }
    }
}
