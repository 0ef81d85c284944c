using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Demands_TitleVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the stored column's index replaces the expression index of Demands_TitleSearch.
            migrationBuilder.Sql("""DROP INDEX "IX_demands_demands_TitleTokens";""");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "TitleVector",
                table: "demands_demands",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', \"TitleTokens\")",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_TitleVector",
                table: "demands_demands",
                column: "TitleVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_demands_demands_TitleVector",
                table: "demands_demands");

            migrationBuilder.DropColumn(
                name: "TitleVector",
                table: "demands_demands");

            migrationBuilder.Sql("""
                CREATE INDEX "IX_demands_demands_TitleTokens" ON demands_demands USING GIN (to_tsvector('simple', "TitleTokens"));
                """);
        }
    }
}
