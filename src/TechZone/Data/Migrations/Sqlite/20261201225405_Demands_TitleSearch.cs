using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Hand-written: EF knows nothing of FTS5. An external-content index over TitleTokens (each 汉字 a token,
            // see TextTokens), kept in step with the table by triggers, so every write path (bulk ones too) is indexed.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE demands_title_fts USING fts5(TitleTokens, content='demands_demands', content_rowid='Id', tokenize='unicode61');
                CREATE TRIGGER demands_title_fts_insert AFTER INSERT ON demands_demands BEGIN
                  INSERT INTO demands_title_fts(rowid, TitleTokens) VALUES (new.Id, new.TitleTokens);
                END;
                CREATE TRIGGER demands_title_fts_delete AFTER DELETE ON demands_demands BEGIN
                  INSERT INTO demands_title_fts(demands_title_fts, rowid, TitleTokens) VALUES ('delete', old.Id, old.TitleTokens);
                END;
                CREATE TRIGGER demands_title_fts_update AFTER UPDATE OF TitleTokens ON demands_demands BEGIN
                  INSERT INTO demands_title_fts(demands_title_fts, rowid, TitleTokens) VALUES ('delete', old.Id, old.TitleTokens);
                  INSERT INTO demands_title_fts(rowid, TitleTokens) VALUES (new.Id, new.TitleTokens);
                END;
                INSERT INTO demands_title_fts(demands_title_fts) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER demands_title_fts_update;
                DROP TRIGGER demands_title_fts_delete;
                DROP TRIGGER demands_title_fts_insert;
                DROP TABLE demands_title_fts;
                """);

            migrationBuilder.DropColumn(
                name: "TitleTokens",
                table: "demands_demands");
        }
    }
}
