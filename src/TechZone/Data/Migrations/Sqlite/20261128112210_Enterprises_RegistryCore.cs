using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enterprises_RegistryCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "enterprises_enterprises",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FoundedOn",
                table: "enterprises_enterprises",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndustryCode",
                table: "enterprises_enterprises",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                table: "enterprises_enterprises",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "RegisteredCapitalFen",
                table: "enterprises_enterprises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SizeClass",
                table: "enterprises_enterprises",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "enterprises_enterprises",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                // Enterprises recorded before statuses were tracked were registered ones; "" would not load as an enum.
                defaultValue: "Registered");

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusSinceOn",
                table: "enterprises_enterprises",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "enterprises_enterprises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "enterprises_contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprises_contacts_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_former_names",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UntilOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises_former_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprises_former_names_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprises_status_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprises_status_changes_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_IndustryCode",
                table: "enterprises_enterprises",
                column: "IndustryCode");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_enterprises_Status",
                table: "enterprises_enterprises",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_contacts_EnterpriseId",
                table: "enterprises_contacts",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_former_names_EnterpriseId",
                table: "enterprises_former_names",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_former_names_Name",
                table: "enterprises_former_names",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_status_changes_EnterpriseId",
                table: "enterprises_status_changes",
                column: "EnterpriseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprises_contacts");

            migrationBuilder.DropTable(
                name: "enterprises_former_names");

            migrationBuilder.DropTable(
                name: "enterprises_status_changes");

            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_IndustryCode",
                table: "enterprises_enterprises");

            migrationBuilder.DropIndex(
                name: "IX_enterprises_enterprises_Status",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "FoundedOn",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "IndustryCode",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "RegisteredCapitalFen",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "SizeClass",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "StatusSinceOn",
                table: "enterprises_enterprises");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "enterprises_enterprises");
        }
    }
}
