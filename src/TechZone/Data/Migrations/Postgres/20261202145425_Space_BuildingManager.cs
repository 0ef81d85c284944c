using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Space_BuildingManager : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ManagerEnterpriseId",
                table: "space_buildings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_space_buildings_ManagerEnterpriseId",
                table: "space_buildings",
                column: "ManagerEnterpriseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_space_buildings_ManagerEnterpriseId",
                table: "space_buildings");

            migrationBuilder.DropColumn(
                name: "ManagerEnterpriseId",
                table: "space_buildings");
        }
    }
}
