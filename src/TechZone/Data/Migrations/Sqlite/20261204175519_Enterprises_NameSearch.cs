using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Hand-written, as Demands_TitleSearch: an external-content FTS5 index over NameTokens (each 汉字 a token),
            // kept in step by triggers so that every write path, bulk ones too, is indexed. EnterpriseSearchKeys fills
            // the tokens of the rows already there at the next start, and the update trigger indexes them.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE enterprises_name_fts USING fts5(NameTokens, content='enterprises_enterprises', content_rowid='Id', tokenize='unicode61');
                CREATE TRIGGER enterprises_name_fts_insert AFTER INSERT ON enterprises_enterprises BEGIN
                  INSERT INTO enterprises_name_fts(rowid, NameTokens) VALUES (new.Id, new.NameTokens);
                END;
                CREATE TRIGGER enterprises_name_fts_delete AFTER DELETE ON enterprises_enterprises BEGIN
                  INSERT INTO enterprises_name_fts(enterprises_name_fts, rowid, NameTokens) VALUES ('delete', old.Id, old.NameTokens);
                END;
                CREATE TRIGGER enterprises_name_fts_update AFTER UPDATE OF NameTokens ON enterprises_enterprises BEGIN
                  INSERT INTO enterprises_name_fts(enterprises_name_fts, rowid, NameTokens) VALUES ('delete', old.Id, old.NameTokens);
                  INSERT INTO enterprises_name_fts(rowid, NameTokens) VALUES (new.Id, new.NameTokens);
                END;
                INSERT INTO enterprises_name_fts(enterprises_name_fts) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER enterprises_name_fts_update;
                DROP TRIGGER enterprises_name_fts_delete;
                DROP TRIGGER enterprises_name_fts_insert;
                DROP TABLE enterprises_name_fts;
                """);

            migrationBuilder.DropColumn(
                name: "NameTokens",
                table: "enterprises_enterprises");
        }
    }
}
