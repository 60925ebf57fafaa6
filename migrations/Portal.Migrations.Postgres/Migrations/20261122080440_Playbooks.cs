using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Playbooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Playbooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ResistanceType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Principle = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BuiltInKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevisedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Playbooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Playbooks_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    PlaybookId = table.Column<int>(type: "integer", nullable: false),
                    PlaybookName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ResistanceType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TargetKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    TargetName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SupportBefore = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    BaselineAssessedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppliedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AppliedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookApplications", x => x.Id);
                    table.CheckConstraint("CK_PlaybookApplications_OneTarget", "(\"GroupId\" IS NULL AND \"PersonId\" IS NOT NULL) OR (\"GroupId\" IS NOT NULL AND \"PersonId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_PlaybookApplications_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlaybookApplications_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlaybookApplications_StakeholderGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StakeholderGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlaybookApplications_StakeholderPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "StakeholderPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueAfterDays = table.Column<int>(type: "integer", nullable: false),
                    PlaybookId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookSteps_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    StepOrder = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OutcomeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ClosedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookActions_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlaybookActions_PlaybookApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "PlaybookApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlaybookActions_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookActions_ApplicationId",
                table: "PlaybookActions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookActions_OwnerUserId_Status_DueDate",
                table: "PlaybookActions",
                columns: new[] { "OwnerUserId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookActions_ProgramId_Status_DueDate",
                table: "PlaybookActions",
                columns: new[] { "ProgramId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookApplications_GroupId",
                table: "PlaybookApplications",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookApplications_PersonId",
                table: "PlaybookApplications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookApplications_PlaybookId",
                table: "PlaybookApplications",
                column: "PlaybookId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookApplications_ProgramId_AppliedUtc",
                table: "PlaybookApplications",
                columns: new[] { "ProgramId", "AppliedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_ProgramId_BuiltInKey",
                table: "Playbooks",
                columns: new[] { "ProgramId", "BuiltInKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookSteps_PlaybookId",
                table: "PlaybookSteps",
                column: "PlaybookId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlaybookActions");

            migrationBuilder.DropTable(
                name: "PlaybookSteps");

            migrationBuilder.DropTable(
                name: "PlaybookApplications");

            migrationBuilder.DropTable(
                name: "Playbooks");
        }
    }
}
