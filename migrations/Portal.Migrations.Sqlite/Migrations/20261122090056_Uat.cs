using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Uat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UatCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UatCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UatCycles_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UatGates",
                columns: table => new
                {
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Coverage = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    CriticalPass = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Pass = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UatGates", x => x.ProgramId);
                    table.ForeignKey(
                        name: "FK_UatGates_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UatScenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessArea = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Criticality = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinkedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UatScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UatScenarios_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UatExecutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScenarioId = table.Column<int>(type: "INTEGER", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tester = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ExecutedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DefectReference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UatExecutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UatExecutions_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UatExecutions_UatCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "UatCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UatExecutions_UatScenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "UatScenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UatCycles_ProgramId_Name",
                table: "UatCycles",
                columns: new[] { "ProgramId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UatExecutions_CycleId_ScenarioId_ExecutedUtc",
                table: "UatExecutions",
                columns: new[] { "CycleId", "ScenarioId", "ExecutedUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UatExecutions_ProgramId",
                table: "UatExecutions",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_UatExecutions_ScenarioId",
                table: "UatExecutions",
                column: "ScenarioId");

            migrationBuilder.CreateIndex(
                name: "IX_UatScenarios_ProgramId_Key",
                table: "UatScenarios",
                columns: new[] { "ProgramId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UatExecutions");

            migrationBuilder.DropTable(
                name: "UatGates");

            migrationBuilder.DropTable(
                name: "UatCycles");

            migrationBuilder.DropTable(
                name: "UatScenarios");
        }
    }
}
