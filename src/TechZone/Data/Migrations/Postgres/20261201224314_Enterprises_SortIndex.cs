using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enterprises_SortIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_NameKey",
                table: "enterprises_enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_NameKey_Name",
                table: "enterprises_enterprises",
                columns: new[] { "NameKey", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_NameKey_Name",
                table: "enterprises_enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_NameKey",
                table: "enterprises_enterprises",
                column: "NameKey");
        }
    }
}
