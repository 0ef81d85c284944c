using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TechZone.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Demands_Visits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demands_visit_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    MaxVisitsPerEnterprisePerMonth = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_visit_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "demands_visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadDepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PlannedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PlannedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlannedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CancelledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CancelledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Attendees = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Topics = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_visits_enterprises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_demands_visits_platform_departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demands_visit_departments",
                columns: table => new
                {
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_visit_departments", x => new { x.VisitId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_demands_visit_departments_demands_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "demands_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_demands_visit_departments_platform_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "platform_departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demands_visit_departments_DepartmentId",
                table: "demands_visit_departments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_visits_EnterpriseId_PlannedOn",
                table: "demands_visits",
                columns: new[] { "EnterpriseId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_visits_LeadDepartmentId",
                table: "demands_visits",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_visits_PlannedOn",
                table: "demands_visits",
                column: "PlannedOn");

            migrationBuilder.CreateIndex(
                name: "IX_demands_visits_VisitedOn",
                table: "demands_visits",
                column: "VisitedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demands_visit_departments");

            migrationBuilder.DropTable(
                name: "demands_visit_settings");

            migrationBuilder.DropTable(
                name: "demands_visits");
        }
    }
}
