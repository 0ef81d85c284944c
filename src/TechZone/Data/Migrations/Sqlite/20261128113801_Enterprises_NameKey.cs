using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enterprises_NameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "enterprises_enterprises",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_NameKey",
                table: "enterprises_enterprises",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_NameKey",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "enterprises_enterprises");
        }
    }
}
