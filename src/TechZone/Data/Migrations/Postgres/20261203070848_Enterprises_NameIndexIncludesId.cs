using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enterprises_NameIndexIncludesId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_NameKey_Name",
                table: "enterprises_enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_NameKey_Name",
                table: "enterprises_enterprises",
                columns: new[] { "NameKey", "Name" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_NameKey_Name",
                table: "enterprises_enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_NameKey_Name",
                table: "enterprises_enterprises",
                columns: new[] { "NameKey", "Name" });
        }
    }
}
