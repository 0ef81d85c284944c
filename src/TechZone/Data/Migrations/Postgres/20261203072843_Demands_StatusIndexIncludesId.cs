using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Demands_StatusIndexIncludesId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_demands_demands_Status_DueUtc",
                table: "demands_demands");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Status_DueUtc",
                table: "demands_demands",
                columns: new[] { "Status", "DueUtc" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_demands_demands_Status_DueUtc",
                table: "demands_demands");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Status_DueUtc",
                table: "demands_demands",
                columns: new[] { "Status", "DueUtc" });
        }
    }
}
