using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MilestoneSignOffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "CriterionId",
                table: "SignOffs",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "MilestoneId",
                table: "SignOffs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignOffRequirements",
                table: "Milestones",
                type: "text",
                nullable: false,
                defaultValue: "[]"); // existing milestones require no whole-milestone sign-off

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_MilestoneId",
                table: "SignOffs",
                column: "MilestoneId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs",
                sql: "(\"CriterionId\" IS NULL AND \"MilestoneId\" IS NOT NULL) OR (\"CriterionId\" IS NOT NULL AND \"MilestoneId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_SignOffs_Milestones_MilestoneId",
                table: "SignOffs",
                column: "MilestoneId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignOffs_Milestones_MilestoneId",
                table: "SignOffs");

            migrationBuilder.DropIndex(
                name: "IX_SignOffs_MilestoneId",
                table: "SignOffs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SignOffs_OneSubject",
                table: "SignOffs");

            migrationBuilder.DropColumn(
                name: "MilestoneId",
                table: "SignOffs");

            migrationBuilder.DropColumn(
                name: "SignOffRequirements",
                table: "Milestones");

            migrationBuilder.AlterColumn<int>(
                name: "CriterionId",
                table: "SignOffs",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
