using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SystemOfRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.AddColumn<int>(
                name: "SystemOfRecordEntryId",
                table: "SignOffs",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SystemOfRecordEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Domain = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DomainKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AuthoritativeSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DecisionOwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EscalationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemOfRecordEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SystemOfRecordEntries_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_SystemOfRecordEntryId",
                table: "SignOffs",
                column: "SystemOfRecordEntryId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(CASE WHEN \"CriterionId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MilestoneId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SystemOfRecordEntryId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.CreateIndex(
                name: "IX_SystemOfRecordEntries_ProgramId_DomainKey",
                table: "SystemOfRecordEntries",
                columns: new[] { "ProgramId", "DomainKey" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SignOffs_SystemOfRecordEntries_SystemOfRecordEntryId",
                table: "SignOffs",
                column: "SystemOfRecordEntryId",
                principalTable: "SystemOfRecordEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignOffs_SystemOfRecordEntries_SystemOfRecordEntryId",
                table: "SignOffs");

            migrationBuilder.DropTable(
                name: "SystemOfRecordEntries");

            migrationBuilder.DropIndex(
                name: "IX_SignOffs_SystemOfRecordEntryId",
                table: "SignOffs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.DropColumn(
                name: "SystemOfRecordEntryId",
                table: "SignOffs");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(\"CriterionId\" IS NULL AND \"MilestoneId\" IS NOT NULL) OR (\"CriterionId\" IS NOT NULL AND \"MilestoneId\" IS NULL)");
        }
    }
}
