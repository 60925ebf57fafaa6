using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ConnectionRunStates",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    LastSuccessUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstRunUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastRunUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastFailureUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastErrorCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    Runs = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    DayUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Runs = table.Column<long>(type: "bigint", nullable: false),
                    Succeeded = table.Column<long>(type: "bigint", nullable: false),
                    Failed = table.Column<long>(type: "bigint", nullable: false),
                    Partial = table.Column<long>(type: "bigint", nullable: false),
                    DurationMillisecondsSum = table.Column<long>(type: "bigint", nullable: false),
                    RecordsRead = table.Column<long>(type: "bigint", nullable: false),
                    RecordsWritten = table.Column<long>(type: "bigint", nullable: false),
                    RecordsFailed = table.Column<long>(type: "bigint", nullable: false),
                    Retries = table.Column<long>(type: "bigint", nullable: false),
                    DeadLettered = table.Column<long>(type: "bigint", nullable: false),
                    Replays = table.Column<long>(type: "bigint", nullable: false),
                    DurationHistogramText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
