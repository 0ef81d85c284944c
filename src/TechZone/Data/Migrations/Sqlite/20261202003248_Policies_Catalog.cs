using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechZone.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Policies_Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policies_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    BudgetFen = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_policies_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policies_stale_enterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_stale_enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "policies_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceText = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_versions_policies_policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "policies_policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CriteriaJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    BenefitJson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    WindowOpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WindowClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoApplication = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policies_items_policies_versions_PolicyVersionId",
                        column: x => x.PolicyVersionId,
                        principalTable: "policies_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_pushes",
                columns: table => new
                {
                    PolicyItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_pushes", x => new { x.PolicyItemId, x.EnterpriseId });
                    table.ForeignKey(
                        name: "FK_policies_pushes_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_policies_pushes_policies_items_PolicyItemId",
                        column: x => x.PolicyItemId,
                        principalTable: "policies_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policies_verdicts",
                columns: table => new
                {
                    PolicyItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<byte>(type: "INTEGER", nullable: false),
                    BenefitFen = table.Column<long>(type: "INTEGER", nullable: true),
                    EvaluatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies_verdicts", x => new { x.PolicyItemId, x.EnterpriseId });
                    table.ForeignKey(
                        name: "FK_policies_verdicts_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_policies_verdicts_policies_items_PolicyItemId",
                        column: x => x.PolicyItemId,
                        principalTable: "policies_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policies_items_PolicyVersionId_Code",
                table: "policies_items",
                columns: new[] { "PolicyVersionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policies_policies_Code",
                table: "policies_policies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policies_policies_DepartmentId",
                table: "policies_policies",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_pushes_EnterpriseId",
                table: "policies_pushes",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_stale_enterprises_EnterpriseId",
                table: "policies_stale_enterprises",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_verdicts_EnterpriseId",
                table: "policies_verdicts",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_policies_verdicts_PolicyItemId_Verdict",
                table: "policies_verdicts",
                columns: new[] { "PolicyItemId", "Verdict" });

            migrationBuilder.CreateIndex(
                name: "IX_policies_versions_PolicyId_Number",
                table: "policies_versions",
                columns: new[] { "PolicyId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policies_pushes");

            migrationBuilder.DropTable(
                name: "policies_stale_enterprises");

            migrationBuilder.DropTable(
                name: "policies_verdicts");

            migrationBuilder.DropTable(
                name: "policies_items");

            migrationBuilder.DropTable(
                name: "policies_versions");

            migrationBuilder.DropTable(
                name: "policies_policies");
        }
    }
}
