using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enterprises_Corrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprises_corrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ProposedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProposedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnterpriseVersion = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RegisteredCapitalFen = table.Column<long>(type: "bigint", nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IndustryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    SizeClass = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DecidedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprises_corrections_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_corrections_EnterpriseId_ProposedUtc",
                table: "enterprises_corrections",
                columns: new[] { "EnterpriseId", "ProposedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_corrections_pending",
                table: "enterprises_corrections",
                column: "EnterpriseId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_corrections_Status_ProposedUtc",
                table: "enterprises_corrections",
                columns: new[] { "Status", "ProposedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprises_corrections");
        }
    }
}
