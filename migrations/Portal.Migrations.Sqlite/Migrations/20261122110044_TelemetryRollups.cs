using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TelemetryRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SlaBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    EndUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaBreaches_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TelemetryHourlyBuckets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    HourUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false),
                    Succeeded = table.Column<long>(type: "INTEGER", nullable: false),
                    Failed = table.Column<long>(type: "INTEGER", nullable: false),
                    Partial = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMillisecondsSum = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordsWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordsFailed = table.Column<long>(type: "INTEGER", nullable: false),
                    Retries = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadLettered = table.Column<long>(type: "INTEGER", nullable: false),
                    Replays = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationHistogramText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelemetryHourlyBuckets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TelemetryHourlyBuckets_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TelemetryRollupState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelemetryRollupState", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "TelemetryRollupState",
                columns: new[] { "Id", "LastRunId", "UpdatedUtc" },
                values: new object[] { 1, 0L, 639028224000000000L });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ConnectionId_Status_FinishedUtc",
                table: "SyncRuns",
                columns: new[] { "ConnectionId", "Status", "FinishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_ConnectionId_StartUtc",
                table: "SlaBreaches",
                columns: new[] { "ConnectionId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryHourlyBuckets_ConnectionId_HourUtc",
                table: "TelemetryHourlyBuckets",
                columns: new[] { "ConnectionId", "HourUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaBreaches");

            migrationBuilder.DropTable(
                name: "TelemetryHourlyBuckets");

            migrationBuilder.DropTable(
                name: "TelemetryRollupState");

            migrationBuilder.DropIndex(
                name: "IX_SyncRuns_ConnectionId_Status_FinishedUtc",
                table: "SyncRuns");
        }
    }
}
