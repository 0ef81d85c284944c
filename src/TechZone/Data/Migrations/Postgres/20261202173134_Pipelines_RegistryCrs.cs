using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pipelines_RegistryCrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Srid",
                table: "pipelines_registry_state",
                type: "integer",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "pipelines_registry_state",
                keyColumn: "Id",
                keyValue: 1,
                column: "Srid",
                value: null);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Srid",
                table: "pipelines_registry_state");
        }
    }
}
