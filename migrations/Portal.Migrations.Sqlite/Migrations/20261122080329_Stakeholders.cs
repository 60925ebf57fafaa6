using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Stakeholders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StakeholderGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Current_Influence = table.Column<int>(type: "INTEGER", nullable: true),
                    Current_Impact = table.Column<int>(type: "INTEGER", nullable: true),
                    Current_CurrentSupport = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Current_TargetSupport = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Current_ResistanceType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Current_Gains = table.Column<int>(type: "INTEGER", nullable: true),
                    Current_GainsNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Current_Losses = table.Column<int>(type: "INTEGER", nullable: true),
                    Current_LossesNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Current_IsEarlyAdopter = table.Column<bool>(type: "INTEGER", nullable: true),
                    Current_Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Current_AssessedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Current_AssessedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Current_AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StakeholderGroups_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ProcessArea = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Own_Influence = table.Column<int>(type: "INTEGER", nullable: true),
                    Own_Impact = table.Column<int>(type: "INTEGER", nullable: true),
                    Own_CurrentSupport = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Own_TargetSupport = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Own_ResistanceType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Own_Gains = table.Column<int>(type: "INTEGER", nullable: true),
                    Own_GainsNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Own_Losses = table.Column<int>(type: "INTEGER", nullable: true),
                    Own_LossesNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Own_IsEarlyAdopter = table.Column<bool>(type: "INTEGER", nullable: true),
                    Own_Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Own_AssessedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Own_AssessedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Own_AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsAssessedIndividually = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StakeholderPeople_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderPeople_StakeholderGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StakeholderGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Influence = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentSupport = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetSupport = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResistanceType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Gains = table.Column<int>(type: "INTEGER", nullable: false),
                    GainsNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Losses = table.Column<int>(type: "INTEGER", nullable: false),
                    LossesNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsEarlyAdopter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssessedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    AssessedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderAssessments", x => x.Id);
                    table.CheckConstraint("CK_StakeholderAssessments_OneSubject", "(\"GroupId\" IS NULL AND \"PersonId\" IS NOT NULL) OR (\"GroupId\" IS NOT NULL AND \"PersonId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_StakeholderAssessments_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderAssessments_StakeholderGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StakeholderGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderAssessments_StakeholderPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "StakeholderPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderAssessments_GroupId",
                table: "StakeholderAssessments",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderAssessments_PersonId",
                table: "StakeholderAssessments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderAssessments_ProgramId",
                table: "StakeholderAssessments",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderGroups_ProgramId_Name",
                table: "StakeholderGroups",
                columns: new[] { "ProgramId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderPeople_GroupId",
                table: "StakeholderPeople",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderPeople_ProgramId_Email",
                table: "StakeholderPeople",
                columns: new[] { "ProgramId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderPeople_ProgramId_GroupId_IsAssessedIndividually",
                table: "StakeholderPeople",
                columns: new[] { "ProgramId", "GroupId", "IsAssessedIndividually" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StakeholderAssessments");

            migrationBuilder.DropTable(
                name: "StakeholderPeople");

            migrationBuilder.DropTable(
                name: "StakeholderGroups");
        }
    }
}
