using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enterprises_NameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameTokens",
                table: "enterprises_enterprises",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Hand-written: a GIN index over the expression EnterpriseMatch queries (to_tsvector('simple', NameTokens)).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_enterprises_enterprises_NameTokens" ON enterprises_enterprises USING GIN (to_tsvector('simple', "NameTokens"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_enterprises_enterprises_NameTokens";""");

            migrationBuilder.DropColumn(
                name: "NameTokens",
                table: "enterprises_enterprises");
        }
    }
}
