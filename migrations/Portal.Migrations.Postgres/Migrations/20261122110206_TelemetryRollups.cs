using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Cause = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    HourUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastRunId = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelemetryRollupState", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "TelemetryRollupState",
                columns: new[] { "Id", "LastRunId", "UpdatedUtc" },
                values: new object[] { 1, 0L, new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

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
