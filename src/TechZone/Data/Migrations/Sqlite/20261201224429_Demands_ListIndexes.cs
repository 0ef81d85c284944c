using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Demands_ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_demands_parts_DepartmentId_DemandId",
                table: "demands_parts",
                columns: new[] { "DepartmentId", "DemandId" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_DueUtc_RaisedUtc",
                table: "demands_demands",
                columns: new[] { "DueUtc", "RaisedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_demands_parts_DepartmentId_DemandId",
                table: "demands_parts");

            migrationBuilder.DropIndex(
                name: "IX_demands_demands_DueUtc_RaisedUtc",
                table: "demands_demands");
        }
    }
}
