using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AdoptionReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.AddColumn<int>(
                name: "AdoptionReviewId",
                table: "SignOffs",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdoptionBaselines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    TargetUsers = table.Column<int>(type: "integer", nullable: false),
                    ReconciliationHoursPerMonth = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    TargetSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CapturedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptionBaselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptionBaselines_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdoptionReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ScheduledUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ActiveUsers = table.Column<int>(type: "integer", nullable: true),
                    TargetUsers = table.Column<int>(type: "integer", nullable: true),
                    NewProcessSharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    ReconciliationHours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    MeetingsUsingData = table.Column<int>(type: "integer", nullable: true),
                    MeetingsHeld = table.Column<int>(type: "integer", nullable: true),
                    Findings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptionReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptionReviews_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReinforcementActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdoptionReviewId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Team = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DoneNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DoneUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReinforcementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReinforcementActions_AdoptionReviews_AdoptionReviewId",
                        column: x => x.AdoptionReviewId,
                        principalTable: "AdoptionReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_AdoptionReviewId",
                table: "SignOffs",
                column: "AdoptionReviewId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(CASE WHEN \"CriterionId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MilestoneId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SystemOfRecordEntryId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"LegacyWorkaroundId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"AdoptionReviewId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionBaselines_ProgramId",
                table: "AdoptionBaselines",
                column: "ProgramId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionReviews_DueDate",
                table: "AdoptionReviews",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionReviews_ProgramId_Day",
                table: "AdoptionReviews",
                columns: new[] { "ProgramId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReinforcementActions_AdoptionReviewId",
                table: "ReinforcementActions",
                column: "AdoptionReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReinforcementActions_ProgramId",
                table: "ReinforcementActions",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ReinforcementActions_Status_DueDate",
                table: "ReinforcementActions",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.AddForeignKey(
                name: "FK_SignOffs_AdoptionReviews_AdoptionReviewId",
                table: "SignOffs",
                column: "AdoptionReviewId",
                principalTable: "AdoptionReviews",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignOffs_AdoptionReviews_AdoptionReviewId",
                table: "SignOffs");

            migrationBuilder.DropTable(
                name: "AdoptionBaselines");

            migrationBuilder.DropTable(
                name: "ReinforcementActions");

            migrationBuilder.DropTable(
                name: "AdoptionReviews");

            migrationBuilder.DropIndex(
                name: "IX_SignOffs_AdoptionReviewId",
                table: "SignOffs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.DropColumn(
                name: "AdoptionReviewId",
                table: "SignOffs");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(CASE WHEN \"CriterionId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MilestoneId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"SystemOfRecordEntryId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"LegacyWorkaroundId\" IS NULL THEN 0 ELSE 1 END) = 1");
        }
    }
}
