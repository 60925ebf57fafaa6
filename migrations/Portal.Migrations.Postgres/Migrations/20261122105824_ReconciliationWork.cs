using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedByUserId",
                table: "ReconciliationExceptions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedUtc",
                table: "ReconciliationExceptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "ReconciliationExceptions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ReconciliationComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExceptionId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
