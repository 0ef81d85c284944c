using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Demands_TitleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleTokens",
                table: "demands_demands",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Hand-written: a GIN index over the expression DemandService queries (to_tsvector('simple', TitleTokens)).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_demands_demands_TitleTokens" ON demands_demands USING GIN (to_tsvector('simple', "TitleTokens"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_demands_demands_TitleTokens";""");

            migrationBuilder.DropColumn(
                name: "TitleTokens",
                table: "demands_demands");
        }
    }
}
