using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IntegrationTelemetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetSystem = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DataDomain = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Pattern = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedIntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FreshnessSlaMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorRateSlaPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    ConsecutiveFailureThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationConnections_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IngestionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DisplayPrefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestionKeys", x => x.Id);
                    table.CheckConstraint("CK_IngestionKeys_OneScope", "(\"ConnectionId\" IS NULL) <> (\"SourceSystem\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_IngestionKeys_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IngestionKeys_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationExceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExceptionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DetectedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ObjectKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TargetValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AmountDelta = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ReceivedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconciliationExceptions_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordsWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordsFailed = table.Column<long>(type: "INTEGER", nullable: false),
                    Retries = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadLettered = table.Column<long>(type: "INTEGER", nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReplayOf = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_IntegrationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "IntegrationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IngestionKeys_ConnectionId",
                table: "IngestionKeys",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_IngestionKeys_ProgramId",
                table: "IngestionKeys",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_IngestionKeys_SecretHash",
                table: "IngestionKeys",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationConnections_Key",
                table: "IntegrationConnections",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationConnections_ProgramId",
                table: "IntegrationConnections",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationExceptions_ConnectionId_DetectedUtc",
                table: "ReconciliationExceptions",
                columns: new[] { "ConnectionId", "DetectedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationExceptions_ConnectionId_ExceptionId",
                table: "ReconciliationExceptions",
                columns: new[] { "ConnectionId", "ExceptionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ConnectionId_FinishedUtc",
                table: "SyncRuns",
                columns: new[] { "ConnectionId", "FinishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ConnectionId_RunId",
                table: "SyncRuns",
                columns: new[] { "ConnectionId", "RunId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IngestionKeys");

            migrationBuilder.DropTable(
                name: "ReconciliationExceptions");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropTable(
                name: "IntegrationConnections");
        }
    }
}
