using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IntegrationRollupState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DaysBackfilled",
                table: "TelemetryRollupState",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ConnectionRunStates",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSuccessUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstRunUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFailureUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionRunStates", x => x.ConnectionId);
                    table.ForeignKey(
                        name: "FK_ConnectionRunStates_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TelemetryDailyBuckets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DayUtc = table.Column<long>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_TelemetryDailyBuckets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TelemetryDailyBuckets_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Connections that already have runs start from what their runs say (ADR-026); later batches keep the row in step.
            migrationBuilder.Sql("""
                INSERT INTO "ConnectionRunStates" ("ConnectionId", "LastSuccessUtc", "FirstRunUtc", "LastRunUtc", "LastFailureUtc", "LastErrorCode", "ConsecutiveFailures", "Runs")
                SELECT c."Id",
                    (SELECT MAX(r."FinishedUtc") FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id" AND r."Status" <> 2),
                    (SELECT MIN(r."FinishedUtc") FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id"),
                    (SELECT MAX(r."FinishedUtc") FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id"),
                    (SELECT MAX(r."FinishedUtc") FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id" AND r."Status" = 2),
                    (SELECT r."ErrorCode" FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id" AND r."Status" = 2 ORDER BY r."FinishedUtc" DESC, r."Id" DESC LIMIT 1),
                    0,
                    (SELECT COUNT(*) FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id")
                FROM "IntegrationConnections" c
                WHERE EXISTS (SELECT 1 FROM "SyncRuns" r WHERE r."ConnectionId" = c."Id");
                UPDATE "ConnectionRunStates" SET "ConsecutiveFailures" = (SELECT COUNT(*) FROM "SyncRuns" r
                    WHERE r."ConnectionId" = "ConnectionRunStates"."ConnectionId"
                      AND ("ConnectionRunStates"."LastSuccessUtc" IS NULL OR r."FinishedUtc" > "ConnectionRunStates"."LastSuccessUtc"));
                """);

            migrationBuilder.UpdateData(
                table: "TelemetryRollupState",
                keyColumn: "Id",
                keyValue: 1,
                column: "DaysBackfilled",
                value: false);

            migrationBuilder.CreateIndex(
                name: "IX_TelemetryDailyBuckets_ConnectionId_DayUtc",
                table: "TelemetryDailyBuckets",
                columns: new[] { "ConnectionId", "DayUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionRunStates");

            migrationBuilder.DropTable(
                name: "TelemetryDailyBuckets");

            migrationBuilder.DropColumn(
                name: "DaysBackfilled",
                table: "TelemetryRollupState");
        }
    }
}
