using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Decommissioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.AddColumn<int>(
                name: "LegacyWorkaroundId",
                table: "SignOffs",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LegacyWorkarounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ProcessArea = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReplacedBy = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DecommissionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Slips = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvidenceRecordedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyWorkarounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegacyWorkarounds_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DedupeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_RecipientUserId",
                        column: x => x.RecipientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notifications_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NotificationId = table.Column<long>(type: "bigint", nullable: true),
                    ToAddress = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingEmails_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_LegacyWorkaroundId",
                table: "SignOffs",
                column: "LegacyWorkaroundId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(CASE WHEN \"CriterionId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MilestoneId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SystemOfRecordEntryId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"LegacyWorkaroundId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.CreateIndex(
                name: "IX_LegacyWorkarounds_DecommissionDate",
                table: "LegacyWorkarounds",
                column: "DecommissionDate");

            migrationBuilder.CreateIndex(
                name: "IX_LegacyWorkarounds_ProgramId_Name",
                table: "LegacyWorkarounds",
                columns: new[] { "ProgramId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ProgramId",
                table: "Notifications",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_DedupeKey",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "DedupeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_ReadUtc",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_NextAttemptUtc",
                table: "OutgoingEmails",
                column: "NextAttemptUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_NotificationId",
                table: "OutgoingEmails",
                column: "NotificationId");

            migrationBuilder.AddForeignKey(
                name: "FK_SignOffs_LegacyWorkarounds_LegacyWorkaroundId",
                table: "SignOffs",
                column: "LegacyWorkaroundId",
                principalTable: "LegacyWorkarounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignOffs_LegacyWorkarounds_LegacyWorkaroundId",
                table: "SignOffs");

            migrationBuilder.DropTable(
                name: "LegacyWorkarounds");

            migrationBuilder.DropTable(
                name: "OutgoingEmails");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_SignOffs_LegacyWorkaroundId",
                table: "SignOffs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.DropColumn(
                name: "LegacyWorkaroundId",
                table: "SignOffs");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(CASE WHEN \"CriterionId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MilestoneId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SystemOfRecordEntryId\" IS NULL THEN 0 ELSE 1 END) = 1");
        }
    }
}
